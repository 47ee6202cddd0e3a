import Foundation

/// Which pager long output goes through, by git's rule (README.md "At the terminal"):
/// `$LETTERS_PAGER`, else `$PAGER`, else `less -FRX`. A set but empty value, or `cat`, means
/// no pager. The line runs through `/bin/sh -c`, so it may carry arguments.
struct PagerCommand {
  static let fallback = "less -FRX"

  /// The shell command line.
  let line: String
  /// The scrubbed child environment (docs/SECURITY.md §2.8), with less's history file and
  /// shell escapes off, and git's defaults for less and lv when the person set none.
  let environment: [String: String]

  /// The pager to use, or nil for none (an empty value or `cat`, or no `less` for the default).
  static func chosen(from environment: [String: String] = ProcessInfo.processInfo.environment)
    -> PagerCommand?
  {
    // A set variable decides, even when empty: `LETTERS_PAGER=` turns paging off for letters
    // alone, whatever `PAGER` says.
    let line = (environment["LETTERS_PAGER"] ?? environment["PAGER"] ?? fallback)
      .trimmingCharacters(in: .whitespaces)
    if line.isEmpty || line == "cat" { return nil }
    if line == fallback && Pager.which("less") == nil { return nil }
    var child = ChildEnvironment.scrubbed(adding: ["LESSHISTFILE": "-", "LESSSECURE": "1"])
    // As git does: colour passes through (-R), short output is not paged (-F), and the screen
    // is not cleared on quitting (-X).
    if child["LESS"] == nil { child["LESS"] = "FRX" }
    if child["LV"] == nil { child["LV"] = "-c" }
    return PagerCommand(line: line, environment: child)
  }
}
