import LetterVault

extension StatusLines {
  /// One letter asked to send, as the brake sees it now: the next moment it may go, or that
  /// it is ready, or that the clock cannot be trusted (docs/COOLING-OFF.md).
  static func pendingSend(_ id: LetterID, _ status: SendStatus) -> String {
    switch status {
    case .ready: "Ready to send: \(id.short), after a re-read (`letters send \(id.short)`)"
    case .waiting(_, .untrustedClock):
      "Cooling off: \(id.short) waits until the clock can be trusted again"
    case .waiting(let until, .quietHours):
      "Cooling off: \(id.short) may go from \(Formatting.local(until)), after the quiet hours"
    case .waiting(let until, _): "Cooling off: \(id.short) may go from \(Formatting.local(until))"
    case .notRequested, .sent: "Cooling off: \(id.short)"
    }
  }
}
