import VaultRecords
import Foundation

/// The letters an export will write, chosen before any text is read (`Vault.exportPlan`):
/// their ids oldest first, and what the file's opening needs. `Vault.export(_:)` then reads
/// them one at a time.
public struct ExportPlan: Sendable {
  /// The letters, oldest first (by creation, then id).
  let ids: [LetterID]
  /// When the copy was made (the vault's clock).
  public let exportedAt: Date
  /// The sender address configured for delivery, "" when none (used by `eml`).
  public let from: String

  /// How many letters the export holds.
  public var count: Int { ids.count }
}
