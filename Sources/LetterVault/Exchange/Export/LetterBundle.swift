import VaultRecords
import Foundation

/// One letter as it leaves the vault: its text, its notes, and the recipient's address if
/// one is known.
public struct ExportedLetter: Sendable, Equatable {
  /// The letter with its current text and fingerprint.
  public let letter: Letter
  /// Its notes, oldest first.
  public let notes: [LetterNote]
  /// The recipient's email address from the vault's recipients, "" when none is known.
  public let email: String

  /// Creates an exported letter.
  public init(letter: Letter, notes: [LetterNote], email: String = "") {
    self.letter = letter
    self.notes = notes
    self.email = email
  }
}

/// Letters in date order, oldest first, like a series brought to a session.
public struct LetterBundle: Sendable, Equatable {
  /// The letters, oldest first.
  public let letters: [ExportedLetter]
  /// When the copy was made (the vault's clock).
  public let exportedAt: Date
  /// The sender address configured for delivery, "" when none (used by `eml`).
  public let from: String

  /// Creates a bundle; `letters` are sorted oldest first.
  public init(letters: [ExportedLetter], exportedAt: Date, from: String = "") {
    self.letters = letters.sorted {
      ($0.letter.summary.created, $0.letter.summary.id) < ($1.letter.summary.created, $1.letter.summary.id)
    }
    self.exportedAt = exportedAt
    self.from = from
  }
}
