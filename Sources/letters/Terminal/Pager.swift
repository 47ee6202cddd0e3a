import Foundation

/// The two pagers (README.md "At the terminal"; docs/SECURITY.md §4 "The pager").
///
/// - A letter's text (`show`, the re-read before sending, `review`) goes through `less -R` on
///   the alternate screen whenever stdout is a terminal, however short: when less quits the
///   screen is restored, so the letter does not stay in the terminal's scrollback.
/// - Long output (`list`, `search`, `history`, `status`) goes through the person's own pager,
///   as git's does, only when it is taller than the terminal (``PagerCommand``).
///
/// Both run in the foreground process group, or the pager cannot read keys
/// (ForegroundProcess.swift), with no search-history file and no shell escapes.
enum Pager {
  /// A letter's text on the alternate screen; printed as it is into a pipe, with `paging` off
  /// (`--no-pager`), or without `less`.
  static func show(_ text: String, paging: Bool = true) throws {
    guard paging, Console.stdoutIsTerminal, let less = which("less") else {
      Console.out(text)
      return
    }
    // The person's own LESS may hold -X (no alternate screen) or -F (quit at once on a short
    // letter, leaving it in the scrollback): this pager's options are its own.
    var environment = ChildEnvironment.scrubbed(adding: ["LESSHISTFILE": "-", "LESSSECURE": "1"])
    environment["LESS"] = nil
    // On a terminal, the letter's control characters are shown as text (``VisibleText``).
    try ForegroundProcess.run(
      less, arguments: ["-R"], environment: environment, input: Data(VisibleText.string(text).utf8))
  }

  /// `text` through the pager when stdout is a terminal it does not fit on, else printed;
  /// on a terminal with its control characters made visible (``VisibleText``).
  static func page(_ text: String, paging: Bool) throws {
    try page(Array(VisibleText.forStdout(text).utf8), paging: paging)
  }

  /// `bytes` through the pager when stdout is a terminal they do not fit on, else printed.
  /// The caller has made letters' fields visible (``ListLines``, whose colours must pass).
  static func page(_ bytes: [UInt8], paging: Bool) throws {
    guard paging, Console.stdoutIsTerminal, let command = PagerCommand.chosen(),
      let screen = ScreenSize.ofStandardOutput(),
      !ScreenSize.fits(bytes, rows: screen.rows - 1, columns: screen.columns)
    else {
      Console.out(bytes: bytes)
      return
    }
    let status = try ForegroundProcess.run(
      "/bin/sh", arguments: ["-c", command.line], environment: command.environment, input: Data(bytes))
    // 126 and 127: the shell could not find or run it. Nothing was shown, so nothing is lost.
    if status == 126 || status == 127 {
      Console.warning("the pager “\(command.line)” did not start; printing instead")
      Console.out(bytes: bytes)
    }
  }

  static func which(_ program: String) -> String? {
    EditorCommand.which(program, ProcessInfo.processInfo.environment)
  }

}
