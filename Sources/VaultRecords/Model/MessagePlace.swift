/// Which message of a mailbox (or folder) something is about, so a person can find it in
/// their mail program: its position, and its subject and date as the message states them.
public struct MessagePlace: Sendable, Equatable {
  /// 1 for the first message of the file.
  public let number: Int
  /// The decoded `Subject:`, "" when there is none.
  public let subject: String
  /// The `Date:` header as written, "" when there is none.
  public let date: String

  /// Creates a place.
  public init(number: Int, subject: String, date: String) {
    self.number = number
    self.subject = subject
    self.date = date
  }
}
