import Foundation

/// A dated note on a letter: how it feels now, a reply received (README "Commands").
public struct LetterNote: Sendable, Equatable {
  /// 1 for the first note.
  public let number: Int
  /// When it was added.
  public let date: Date
  /// The note's text.
  public let text: String
}
