import VaultRecords
import Foundation

/// A letter read from a file, ready for ``Vault/importLetters(_:)``: its fields, state and
/// original dates.
public struct ImportedLetter: Sendable, Equatable {
  /// A note carried along (from a letters JSON export).
  public struct Note: Sendable, Equatable {
    /// When it was written.
    public var date: Date
    /// Its text.
    public var text: String

    /// Creates a note.
    public init(date: Date, text: String) {
      self.date = date
      self.text = text
    }
  }

  /// Recipient name, "" for none.
  public var recipient: String
  /// Subject, "" for none.
  public var subject: String
  /// Tags.
  public var tags: [String]
  /// Draft, held or sent.
  public var state: LetterState
  /// When it was first written.
  public var created: Date
  /// When it last changed (at least `created`).
  public var updated: Date
  /// When its text last changed; `updated` when unknown.
  public var lastEdited: Date?
  /// When it was sent (sent letters only); `updated` when unknown.
  public var sentAt: Date?
  /// What the source said (delivered by a mail command); the vault records every letter
  /// imported as sent as "imported" all the same (COOLING-OFF.md "Copies and imports").
  public var deliveredByMail: Bool
  /// A reminder date, if the source had one.
  public var reviewOn: Date?
  /// The text.
  public var body: String
  /// Notes, oldest first.
  public var notes: [Note]
  /// The id a letters export gave it; re-importing the same export finds it by this id.
  public var sourceID: LetterID?
  /// True when `created` came from the file's contents, false when from its modification
  /// time (then the date is left out of the duplicate check).
  public var datedBySource: Bool

  /// Creates an imported letter; `updated` defaults to `created`.
  public init(
    recipient: String = "", subject: String = "", tags: [String] = [], state: LetterState = .held,
    created: Date, updated: Date? = nil, body: String, datedBySource: Bool = true
  ) {
    self.recipient = recipient
    self.subject = subject
    self.tags = tags
    self.state = state
    self.created = created
    self.updated = updated ?? created
    self.lastEdited = nil
    self.sentAt = nil
    self.deliveredByMail = false
    self.reviewOn = nil
    self.body = body
    self.notes = []
    self.sourceID = nil
    self.datedBySource = datedBySource
  }
}

/// One file to import: its name (for messages and its format), bytes and modification time.
public struct ImportSource: Sendable {
  /// The path as the user typed it.
  public let name: String
  /// The file's contents.
  public let bytes: [UInt8]
  /// The file's modification time, used as the date when the file states none.
  public let modified: Date

  /// Creates a source.
  public init(name: String, bytes: [UInt8], modified: Date) {
    self.name = name
    self.bytes = bytes
    self.modified = modified
  }
}

/// Why a file did not parse; becomes an ``ImportProblem``.
struct ImportFailure: Error {
  let reason: String
  /// A field or text the vault would refuse; `reason` is then only where ("letter 2: ").
  var invalid: InvalidInput?
  init(_ reason: String, invalid: InvalidInput? = nil) {
    self.reason = reason
    self.invalid = invalid
  }
}
