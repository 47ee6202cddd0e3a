/// Why one file could not be imported ("line 3: the front matter has no closing ---", as the
/// file's reader found it). Never contains letter text.
public struct ImportProblem: Sendable, Equatable {
  /// The file as the user named it.
  public let file: String
  /// What was wrong, or where (`letter 2: `) when `invalid` says what.
  public let reason: String
  /// A field or text the vault refuses (a tag too long); the command line words it.
  public let invalid: InvalidInput?
  /// The message of a mailbox or folder, when the problem is one message rather than the file.
  public let message: MessagePlace?

  /// Creates a problem report.
  public init(file: String, reason: String, invalid: InvalidInput? = nil, message: MessagePlace? = nil) {
    self.file = file
    self.reason = reason
    self.invalid = invalid
    self.message = message
  }
}
