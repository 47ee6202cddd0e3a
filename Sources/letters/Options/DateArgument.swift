import ArgumentParser
import Foundation
import LetterVault

/// A date typed on the command line, in local time: ISO (`2026-05-03`, `2026-05-03T22:14`) or
/// a phrase (`yesterday`, `3 days ago`, `friday`, `tomorrow 9am`). See ``DatePhrase``.
/// Parsing waits until the command knows which way the option leans.
struct DateArgument: ExpressibleByArgument {
  let text: String

  init?(argument: String) { text = argument }

  /// For filters: a bare weekday is the most recent one.
  func past() throws -> DatePhrase {
    try DatePhrase.parse(text, now: Date(), direction: .past)
  }

  /// For reminders: a bare weekday is the next one.
  func future() throws -> DatePhrase {
    try DatePhrase.parse(text, now: Date(), direction: .future)
  }
}
