/// A cooling-off period typed on the command line: `90m`, `24h`, `3d`, `2w`, or a
/// combination such as `1d12h`.
enum DurationArgument {
  private static let units: [Character: Int] = ["m": 60, "h": 3600, "d": 86_400, "w": 604_800]

  /// Seconds, or a clear error (exit 64) that leaves the vault as it was.
  static func parse(_ text: String) throws -> Double {
    var total = 0
    var digits = ""
    for character in text.lowercased() {
      if character.isASCII, character.isNumber {
        digits.append(character)
      } else if let unit = units[character], let number = Int(digits), number <= 100_000 {
        total += number * unit
        digits = ""
      } else {
        throw invalid(text)
      }
    }
    guard digits.isEmpty, total > 0 else { throw invalid(text) }
    return Double(total)
  }

  /// "24 hours", "3 days", "1 day 12 hours", "90 minutes".
  static func describe(_ seconds: Double) -> String {
    var left = Int(seconds)
    var parts: [String] = []
    for (size, name) in [(86_400, "day"), (3600, "hour"), (60, "minute")] where left >= size {
      let count = left / size
      left %= size
      parts.append("\(count) \(name)\(count == 1 ? "" : "s")")
    }
    return parts.isEmpty ? "\(left) seconds" : parts.joined(separator: " ")
  }

  private static func invalid(_ text: String) -> CLIError {
    .invalidArgument(
      "“\(text)” is not a period letters understands; use something like 90m, 24h, 3d or 1d12h")
  }
}
