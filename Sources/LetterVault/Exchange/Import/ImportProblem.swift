/// Why one file could not be imported, in plain words ("line 3: the front matter has no
/// closing ---"). Never contains letter text.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
  /// The file as the user named it.
  public let file: String
  /// What was wrong.
  public let reason: String

  /// Creates a problem report.
  public init(file: String, reason: String) {
    self.file = file
    self.reason = reason
  }

  /// "notes.md: the front matter has no closing ---".
  public var description: String { "\(file): \(reason)" }
}
