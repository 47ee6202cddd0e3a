import VaultRecords
/// Something an import did that the writer should know, though nothing was refused: a date
/// taken from elsewhere, a zone read as UTC, front-matter fields left aside.
public struct ImportNote: Sendable, Equatable {
  /// Where a letter's date came from when its own could not be read.
  public enum DateSource: Sendable, Equatable {
    /// The mailbox's `From ` line.
    case mailboxLine
    /// The file's modification time.
    case fileTime
  }

  /// What happened.
  public enum Fact: Sendable, Equatable {
    /// The `Date:` header could not be read; the date came from `used`.
    case dateUnreadable(raw: String, used: DateSource)
    /// The date named a zone letters does not know; the time was read as UTC.
    case zoneUnknown(String)
    /// Front-matter fields letters does not use (Obsidian's `aliases`, `cssclasses`, …).
    case fieldsIgnored([String])
  }

  /// The file as the user named it.
  public let file: String
  /// The message, for a mailbox or a folder of mail.
  public let message: MessagePlace?
  /// What happened.
  public let fact: Fact

  /// Creates a note.
  public init(file: String, message: MessagePlace? = nil, fact: Fact) {
    self.file = file
    self.message = message
    self.fact = fact
  }
}
