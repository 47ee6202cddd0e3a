import VaultRecords
/// What ``LetterImporter/read(_:skipUnreadable:)`` found: the letters, what the writer should
/// know about them, and — only when unreadable ones were to be skipped — what was left out.
public struct ImportReading: Sendable, Equatable {
  /// Every readable letter, in the order of the files and messages.
  public var letters: [ImportedLetter] = []
  /// Dates taken from elsewhere, fields ignored.
  public var notes: [ImportNote] = []
  /// Files and messages that could not be read and were left out.
  public var skipped: [ImportProblem] = []

  /// Creates an empty reading.
  public init() {}
}
