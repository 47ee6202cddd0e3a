import LetterVault

/// Quiet hours typed on the command line: `22:00-07:00` (crossing midnight is fine), or
/// `none` for no quiet hours.
enum QuietHoursArgument {
  static func parse(_ text: String) throws -> QuietHours {
    if ["none", "off"].contains(text.lowercased()) { return .off }
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" })
    guard parts.count == 2, let start = minute(parts[0]), let end = minute(parts[1]),
      let hours = QuietHours(startMinute: start, endMinute: end)
    else {
      throw CLIError.invalidArgument(
        "“\(text)” is not a window letters understands; use HH:MM-HH:MM, like 22:00-07:00, or none")
    }
    return hours
  }

  private static func minute(_ text: Substring) -> Int? {
    let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
    guard pieces.count == 2, pieces[1].count == 2, (1...2).contains(pieces[0].count),
      let hour = Int(pieces[0]), let minute = Int(pieces[1]), (0..<24).contains(hour),
      (0..<60).contains(minute)
    else { return nil }
    return hour * 60 + minute
  }
}
