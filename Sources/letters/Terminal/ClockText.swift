import LetterVault

/// What the clock did, in calm words, for `letters status` (COOLING-OFF.md "The clock": "for
/// reflection, not punishment").
enum ClockText {
  static func line(_ anomaly: ClockAnomaly) -> String {
    let when = Formatting.local(anomaly.date)
    let amount = DurationArgument.describe(anomaly.amount.rounded())
    switch anomaly.kind {
    case .movedForward:
      return
        "\(when): the clock moved forward \(amount) without a restart; waiting letters and rule changes were moved by the same amount"
    case .setBack:
      return "\(when): the clock was set back \(amount); letters wait until it has caught up"
    case .setBackAcrossRestart:
      return
        "\(when): after a restart the clock was \(amount) behind the last time seen; letters wait until it has caught up"
    case .releaseWaited:
      return "\(when): a letter waited \(amount) more because the clock disagreed"
    }
  }

  static func json(_ anomaly: ClockAnomaly) -> [String: Any] {
    let kind: String =
      switch anomaly.kind {
      case .movedForward: "movedForward"
      case .setBack: "setBack"
      case .setBackAcrossRestart: "setBackAcrossRestart"
      case .releaseWaited: "releaseWaited"
      }
    return ["kind": kind, "date": Formatting.iso(anomaly.date), "seconds": Int(anomaly.amount)]
  }
}
