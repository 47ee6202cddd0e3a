import Foundation

/// Colour, only for people: stdout must be a terminal, `NO_COLOR` unset (no-color.org) and
/// `TERM` not `dumb`. Pipes, files and scripts always get plain text.
enum Style {
  static let enabled: Bool = {
    if let noColor = Environment.value("NO_COLOR"), !noColor.isEmpty { return false }
    if Environment.value("TERM") == "dumb" { return false }
    return isatty(STDOUT_FILENO) == 1
  }()

  static func dim(_ text: String) -> String { wrap(text, "2") }
  static func yellow(_ text: String) -> String { wrap(text, "33") }
  static func green(_ text: String) -> String { wrap(text, "32") }
  static func bold(_ text: String) -> String { wrap(text, "1") }

  private static func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
