import VaultRecords
import Foundation

/// The letters an export will write, chosen before any text is read (`Vault.exportPlan`):
/// their ids oldest first, and what the file's opening needs. `Vault.export(_:)` then reads
/// them one at a time.
public struct ExportPlan: Sendable {
  /// The letters' ids, oldest first (by creation, then id), 16 bytes each in one buffer: an
  /// array per id was ~6 MiB at 100,000 letters.
  private let idBytes: [UInt8]
  /// When the copy was made (the vault's clock).
  public let exportedAt: Date
  /// The sender address configured for delivery, "" when none (used by `eml`).
  public let from: String

  init(ids: some Sequence<LetterID>, exportedAt: Date, from: String) {
    idBytes = ids.flatMap(\.bytes)
    self.exportedAt = exportedAt
    self.from = from
  }

  init(idBytes: [UInt8], exportedAt: Date, from: String) {
    self.idBytes = idBytes
    self.exportedAt = exportedAt
    self.from = from
  }

  /// How many letters the export holds.
  public var count: Int { idBytes.count / FormatConstant.idByteCount }

  /// The id of letter `number` (0 is the oldest).
  func id(_ number: Int) -> LetterID {
    let start = number * FormatConstant.idByteCount
    return LetterID(bytes: Array(idBytes[start..<(start + FormatConstant.idByteCount)]))
  }
}
