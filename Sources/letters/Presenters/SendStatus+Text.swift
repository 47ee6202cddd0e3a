import LetterVault

/// A held letter's way out as `list` and `show` name it: the next moment the brake itself
/// gives (docs/COOLING-OFF.md "The clock"), never a stored release time already past.
enum SendStatusText {
  /// `list`'s note after a letter: "may go 5 May 2026 22:14", "may go now", or that it waits
  /// for the clock; nil without a send request.
  static func listNote(_ status: SendStatus) -> String? {
    switch status {
    case .ready: "may go now"
    case .waiting(_, .untrustedClock): "waits until the clock can be trusted"
    case .waiting(let until, _): "may go \(Formatting.local(until))"
    case .notRequested, .sent: nil
    }
  }

  /// `show`'s State line after "held".
  static func showNote(_ status: SendStatus) -> String? {
    switch status {
    case .ready: "may be sent now, after a re-read"
    case .waiting(_, .untrustedClock): "waits until the clock can be trusted again"
    case .waiting(let until, .quietHours):
      "may be sent from \(Formatting.local(until)), after the quiet hours"
    case .waiting(let until, _): "may be sent from \(Formatting.local(until))"
    case .notRequested, .sent: nil
    }
  }
}
