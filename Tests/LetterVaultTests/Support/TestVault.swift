import Foundation
@testable import LetterVault
@testable import VaultRecords

/// A clock tests can move: wall time, boot id and time since boot are all set by hand.
final class ManualClock: VaultClock, @unchecked Sendable {
  private let lock = NSLock()
  private var wall: Date
  private var bootID: [UInt8]
  private var sinceBoot: UInt64

  init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000), bootID: UInt8 = 1) {
    wall = start
    self.bootID = [UInt8](repeating: bootID, count: 16)
    sinceBoot = 1_000_000_000_000
  }

  func now() -> Date { lock.withLock { wall } }
  func boot() -> BootObservation {
    lock.withLock { BootObservation(bootID: bootID, sinceBoot: sinceBoot) }
  }

  /// Real time passes: wall and boot clocks move together.
  func advance(_ seconds: TimeInterval) {
    lock.withLock {
      wall += seconds
      sinceBoot += UInt64(seconds * 1_000_000_000)
    }
  }

  /// Someone changes the wall clock; the boot clock does not move.
  func jumpWall(_ seconds: TimeInterval) { lock.withLock { wall += seconds } }

  /// A reboot: new boot id, boot clock starts near zero.
  func reboot(newID: UInt8) {
    lock.withLock {
      bootID = [UInt8](repeating: newID, count: 16)
      sinceBoot = 5_000_000_000
    }
  }
}

/// A fresh vault in a private temporary directory, with the cheap test KDF.
struct TestVault {
  let directory: URL
  let path: String
  let passphrase = Passphrase("correct horse battery staple")
  let vault: Vault
  let clock: ManualClock

  init(clock: ManualClock = ManualClock(), timeZone: TimeZone = TimeZone(identifier: "UTC")!) throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("letters-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    path = directory.appendingPathComponent("vault.db").path
    self.clock = clock
    vault = try Vault.create(
      at: path, passphrase: passphrase, kdf: .testing, timeZone: timeZone, clock: clock)
  }

  func reopen() throws -> Vault {
    try Vault.open(at: path, passphrase: passphrase, clock: clock)
  }

  func fileBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  func remove() {
    try? FileManager.default.removeItem(at: directory)
    // The device watermark lives outside the vault's directory (SECURITY.md §2.4).
    if let state = vault.watermark.deviceStatePath { try? FileManager.default.removeItem(atPath: state) }
  }
}
