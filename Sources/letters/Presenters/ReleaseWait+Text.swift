import LetterVault

extension ReleaseWait {
  /// The start of a calm sentence that goes on with "until <time>".
  var phrase: String {
    switch self {
    case .coolingOff: "This letter is cooling off"
    case .quietHours: "It is quiet hours now, so this letter waits"
    case .clock: "The clock does not agree with the time letters saw before, so this letter waits"
    case .untrustedClock: "The clock cannot be trusted right now, so this letter waits"
    }
  }
}
