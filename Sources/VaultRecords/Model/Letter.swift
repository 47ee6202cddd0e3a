import Foundation

/// A letter's metadata, as `list` shows it; never its text.
public struct LetterSummary: Sendable, Equatable {
  package init(id: LetterID, state: LetterState, recipient: String, subject: String, tags: [String], created: Date, updated: Date, lastEdited: Date, releaseAt: Date?, reviewOn: Date?, sentAt: Date?, sentHow: String, deliveryError: String, revision: Int, noteCount: Int, sentInAnotherCopy: Bool = false) {
    self.id = id
    self.state = state
    self.recipient = recipient
    self.subject = subject
    self.tags = tags
    self.created = created
    self.updated = updated
    self.lastEdited = lastEdited
    self.releaseAt = releaseAt
    self.reviewOn = reviewOn
    self.sentAt = sentAt
    self.sentHow = sentHow
    self.deliveryError = deliveryError
    self.revision = revision
    self.noteCount = noteCount
    self.sentInAnotherCopy = sentInAnotherCopy
  }

  /// The random id.
  public let id: LetterID
  /// Draft, held or sent.
  public let state: LetterState
  /// Who it is to ("" when nobody was named).
  public let recipient: String
  /// Its subject ("" when none).
  public let subject: String
  /// Its tags, in the order given.
  public let tags: [String]
  /// When it was first written.
  public let created: Date
  /// When anything about it last changed.
  public let updated: Date
  /// When its text last changed.
  public let lastEdited: Date
  /// When a pending send request may be released; nil without one.
  public let releaseAt: Date?
  /// The date the writer asked to look at it again; nil without one.
  public let reviewOn: Date?
  /// When it was sent; nil unless sent.
  public let sentAt: Date?
  /// How it was sent ("by hand", "delivered", "imported"); "" unless sent.
  public let sentHow: String
  /// The last delivery error, "" when none.
  public let deliveryError: String
  /// The current text revision number (1 for a new letter).
  public let revision: Int
  /// How many notes have been added.
  public let noteCount: Int
  /// A merge brought in that another copy sent it while this vault still held it
  /// (``SentElsewhere``).
  public let sentInAnotherCopy: Bool

  /// Held with a send request pending: `list` names when it may go.
  public var awaitsRelease: Bool { state == .held && releaseAt != nil }
}

/// A letter with its current text.
public struct Letter: Sendable, Equatable {
  package init(summary: LetterSummary, body: String, fingerprint: String) {
    self.summary = summary
    self.body = body
    self.fingerprint = fingerprint
  }

  /// Everything but the text.
  public let summary: LetterSummary
  /// The current text.
  public let body: String
  /// A short fingerprint of the current revision (recipient, subject and text): it changes
  /// whenever the letter changes, and confirms a re-read before sending (FORMAT.md §4.4).
  public let fingerprint: String
}

/// What goes into a new letter.
public struct LetterDraft: Sendable {
  /// Recipient name, "" for none.
  public var recipient: String
  /// Subject, "" for none.
  public var subject: String
  /// Tags.
  public var tags: [String]
  /// The text, as UTF-8 bytes (checked by the vault; invalid UTF-8 is refused).
  public var body: [UInt8]

  /// Creates a draft from bytes read from a file, stdin or an editor.
  public init(recipient: String = "", subject: String = "", tags: [String] = [], body: [UInt8]) {
    self.recipient = recipient
    self.subject = subject
    self.tags = tags
    self.body = body
  }

  /// Creates a draft from a string.
  public init(recipient: String = "", subject: String = "", tags: [String] = [], text: String) {
    self.init(recipient: recipient, subject: subject, tags: tags, body: Array(text.utf8))
  }
}

/// Which letters `list` returns; every field narrows, nil means "any".
public struct LetterFilter: Sendable {
  /// Only letters in this state.
  public var state: LetterState?
  /// Only letters to this recipient (case-insensitive).
  public var recipient: String?
  /// Only letters with this tag (case-insensitive).
  public var tag: String?
  /// Only letters written at or after this date.
  public var since: Date?
  /// Only letters written before this date.
  public var until: Date?

  /// Creates a filter.
  public init(
    state: LetterState? = nil, recipient: String? = nil, tag: String? = nil, since: Date? = nil,
    until: Date? = nil
  ) {
    self.state = state
    self.recipient = recipient
    self.tag = tag
    self.since = since
    self.until = until
  }

  /// Whether every letter matches (no field narrows).
  package var isEmpty: Bool { state == nil && recipient == nil && tag == nil && since == nil && until == nil }

  package func matches(_ summary: LetterSummary) -> Bool {
    if let state, summary.state != state { return false }
    if let recipient, summary.recipient.lowercased() != recipient.lowercased() { return false }
    if let tag, !summary.tags.contains(where: { $0.lowercased() == tag.lowercased() }) {
      return false
    }
    if let since, summary.created < since { return false }
    if let until, summary.created >= until { return false }
    return true
  }
}
