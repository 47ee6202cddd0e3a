/// One damaged part of the vault, named so the user knows which letter it concerns. Facts
/// only; the command line words them.
public struct Damage: Equatable, Sendable {
  /// The letter concerned, or nil for vault-wide records (keyslots, settings, index).
  public let letterID: String?
  /// Which part of the vault or the letter.
  public let part: Part
  /// What was found, as the parser or check put it ("missing", "epoch", "stored data was
  /// changed or is damaged").
  public let reason: String
  /// The other copy of the vault the damage is in (a merge), or nil for this vault.
  public let copy: String?

  /// Which stored part is damaged.
  public enum Part: Equatable, Sendable {
    /// The vault file as a whole: its id, schema or a record that cannot be read at all.
    case vaultFile
    /// The MANIFEST, the authenticated index of every letter.
    case index
    case settings
    case keySlot
    case captureKey
    /// A jotted text still waiting to be taken in.
    case jottedText
    case backup
    /// A letter the index lists whose metadata is not in the file.
    case letter
    case metadata
    /// One stored text; nil when the revision is not known (a text without its letter).
    case text(revision: UInt64?)
    case note(number: UInt64)
    case listing
    case textIndex
    /// A WORDS row (FORMAT.md §6.9).
    case wordList
    /// A record of a kind this version does not know.
    case unknownRecord(kind: UInt8)
    /// Something in the file's schema letters never creates: SQLite's type ("trigger",
    /// "view", "index", "table") and the name it was given (FORMAT.md §8.1).
    case schemaObject(type: String, name: String)
  }

  /// Creates a damage report.
  public init(letterID: String?, part: Part, reason: String, copy: String? = nil) {
    self.letterID = letterID
    self.part = part
    self.reason = reason
    self.copy = copy
  }

  /// A letter the manifest lists whose META row is not in the file.
  package static func missingLetter(_ id: LetterID) -> Damage {
    Damage(letterID: id.description, part: .letter, reason: "listed in the vault index but missing from the file")
  }
}
