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

  /// For reminders (`--review-on`): a bare weekday is the next one, `tonight` 20:00,
  /// `tomorrow` 09:00. A moment already gone is refused (exit 64): a reminder set in the past
  /// would only be due at once. A day without a time may be today.
  func future(now: Date = Date()) throws -> DatePhrase {
    let phrase = try DatePhrase.parse(text, now: now, direction: .future)
    let earliest = phrase.hasTime ? now : Calendar.current.startOfDay(for: now)
    guard phrase.date >= earliest else {
      throw CLIError.invalidArgument(
        "“\(text)” has already passed; choose a time still to come, such as tonight, tomorrow or friday")
    }
    return phrase
  }
}
