import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// Two copies of one vault, as on two computers: `home` is the TestVault, `away` a `cp` of it.
struct VaultCopies {
  let home: TestVault
  let awayPath: String
  let awayClock: ManualClock
  var away: Vault

  init() throws {
    home = try TestVault()
    awayPath = home.directory.appendingPathComponent("away.db").path
    try FileManager.default.copyItem(atPath: home.path, toPath: awayPath)
    awayClock = ManualClock(Date(timeIntervalSince1970: 1_800_000_500))
    away = try Self.openAway(awayPath, home: home, clock: awayClock)
  }

  /// The other computer keeps its own device state (rollback watermark).
  static func openAway(_ path: String, home: TestVault, clock: ManualClock) throws -> Vault {
    let directory = home.directory.appendingPathComponent("away-state").path
    return try DeviceStateFile.$directoryOverride.withValue(directory) {
      try Vault.open(at: path, passphrase: home.passphrase, clock: clock)
    }
  }

  /// Refreshes `away` after the file was replaced or copied again.
  mutating func syncAway() throws {
    // Copying the file over wholesale is, for the other computer, a deliberate restore:
    // its watermark starts again with the copy.
    try? FileManager.default.removeItem(
      atPath: home.directory.appendingPathComponent("away-state").path)
    try? FileManager.default.removeItem(atPath: awayPath)
    try FileManager.default.copyItem(atPath: home.path, toPath: awayPath)
    away = try Self.openAway(awayPath, home: home, clock: awayClock)
  }

  /// A copy of `path` next to it, opened; for merging in both directions.
  func duplicate(_ path: String, as name: String) throws -> (String, Vault) {
    let target = home.directory.appendingPathComponent(name).path
    try FileManager.default.copyItem(atPath: path, toPath: target)
    let directory = home.directory.appendingPathComponent("\(name)-state").path
    return (
      target,
      try DeviceStateFile.$directoryOverride.withValue(directory) {
        try Vault.open(at: target, passphrase: home.passphrase, clock: home.clock)
      }
    )
  }

  func remove() { home.remove() }
}

/// Everything merge promises to keep, read back through the library.
struct LetterContents: Equatable, CustomStringConvertible {
  var id: String
  var state: LetterState
  var revisions: [UInt32: String]
  var notes: [String]

  var description: String { "\(id.prefix(8)) \(state) revs=\(revisions) notes=\(notes)" }

  static func all(_ vault: Vault) throws -> [LetterContents] {
    try vault.records.read { tx in
      try tx.snapshots().map { snapshot in
        LetterContents(
          id: snapshot.id.description, state: snapshot.meta.state,
          revisions: snapshot.texts.mapValues { String(decoding: $0, as: UTF8.self) },
          notes: snapshot.notes.map { "\($0.at) \(String(decoding: $0.text, as: UTF8.self))" })
      }
    }
  }
}

extension Vault {
  /// Marks a letter sent by hand, as the `send` command will (test helper; no send yet).
  func markSentForTest(_ id: LetterID) throws {
    let now = clock.now().storedMilliseconds
    try mutate { tx, manifest in
      var (meta, version) = try tx.loadMeta(id, manifest: manifest)
      meta.state = .sent
      meta.sentAt = now
      meta.sentHow = 1
      meta.updatedAt = now
      meta.events.append(
        .init(at: now, kind: .sent, revision: meta.headRevision, detail: "by hand"))
      try tx.storeMeta(meta, for: id, version: version + 1, manifest: &manifest)
    }
  }
}

extension Vault {
  /// Records a send request as the `send` command will (test helper; no send on main yet):
  /// the letter is held and may go after the cooling-off.
  func requestSendForTest(_ id: LetterID, coolingOff: TimeInterval) throws {
    let now = clock.now().storedMilliseconds
    try mutate { tx, manifest in
      var (meta, version) = try tx.loadMeta(id, manifest: manifest)
      meta.state = .held
      meta.sendRequestedAt = now
      meta.releaseAt = now + Int64(coolingOff * 1000)
      meta.updatedAt = now
      meta.events.append(
        .init(at: now, kind: .sendRequested, revision: meta.headRevision, detail: ""))
      try tx.storeMeta(meta, for: id, version: version + 1, manifest: &manifest)
    }
  }
}
