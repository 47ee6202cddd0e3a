import VaultRecords
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
      // The upper half on the other core (SecondCoreRead.swift).
      let upper = SecondCoreRead<ScanPart>(desk: self)
      if secondConnection {
        upper.start { [manifest] tx, _ in
          try scanRange(in: tx, fields: fields, from: Self.scanSplit, manifest: manifest, cipher: tx.cipher, include)
        }
      }
      defer { upper.stop() }
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
