import VaultRecords
import Dispatch
import Foundation

/// `search` on both cores (docs/PERFORMANCE.md): the letter ids are split at their first byte
/// `0x80` (ids are random, so each half holds about half the letters and half the file), and
/// each half is read, checked and decrypted by its own thread, on its own SQLite connection,
/// with its own key scratch. Both run `scanRange` (Vault+List.swift), the loop of the serial
/// scan, so the checks are the same ones.
extension SearchDesk {
  /// Where the key space is split: ids below it are walked by this thread, the rest by the other.
  static let scanSplit: [UInt8] = [0x80]

  /// Walks every letter once like `scan(fields: [meta, body])`, running `include` on two
  /// threads. `include` must be safe to call concurrently (it only reads its captures).
  ///
  /// If the second connection cannot be opened or read at once (another process is about to
  /// commit), this thread walks the second half too, after the first: slower, never different.
  func parallelScan(
    secondConnection: Bool = true,
    _ include: @escaping @Sendable (LetterMeta, LetterSummary, () throws -> [UInt8]?) throws -> Bool
  ) throws(VaultError) -> LetterListing {
    let fields = [FieldTag.meta.rawValue, FieldTag.body.rawValue]
    return try records.read { tx in
      var damaged: [Damage] = []
      var manifest: ManifestIndex?
      // This read holds the SHARED lock from here to the end: no writer commits in between.
      do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged(let found) {
        damaged += found
      }
      let upper = UpperHalf(desk: self, manifest: manifest, fields: fields, include: include)
      if secondConnection { upper.start() }
      let lower = try scanRange(
        in: tx, fields: fields, below: Self.scanSplit, manifest: manifest, cipher: cipher, include)
      let second =
        try upper.wait()
        ?? scanRange(
          in: tx, fields: fields, from: Self.scanSplit, manifest: manifest, cipher: cipher, include)
      return try finishScan(
        damaged + lower.damaged + second.damaged, [lower, second], manifest: manifest, in: tx)
    }
  }
}

/// The upper half of the key space, walked on another thread through a second read-only
/// connection (`VaultDatabase.secondReader`) with a cipher of its own (own scratch buffers).
/// Its fields are written by that thread only before `group` leaves, and read only after.
private final class UpperHalf: @unchecked Sendable {
  private let desk: SearchDesk
  private let manifest: ManifestIndex?
  private let fields: [UInt8]
  private let include: @Sendable (LetterMeta, LetterSummary, () throws -> [UInt8]?) throws -> Bool
  private let group = DispatchGroup()
  private var result: SearchDesk.ScanPart?

  init(
    desk: SearchDesk, manifest: ManifestIndex?, fields: [UInt8],
    include: @escaping @Sendable (LetterMeta, LetterSummary, () throws -> [UInt8]?) throws -> Bool
  ) {
    self.desk = desk
    self.manifest = manifest
    self.fields = fields
    self.include = include
  }

  func start() {
    group.enter()
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      defer { group.leave() }
      guard let reader = desk.records.secondReader() else { return }
      do {
        result = try reader.read { tx in
          try desk.scanRange(
            in: tx, fields: fields, from: SearchDesk.scanSplit, manifest: manifest, cipher: reader.cipher, include)
        }
      } catch {
        // Busy or unreadable here: the calling thread walks this half itself, and meets (and
        // reports or throws) whatever there is to meet, through its own connection.
        result = nil
      }
    }
  }

  /// The upper half's part, or nil if the calling thread must walk it itself.
  func wait() -> SearchDesk.ScanPart? {
    group.wait()  // returns at once if never started
    return result
  }
}
