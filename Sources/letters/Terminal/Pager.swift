import Foundation

/// Shows text through `less` on the alternate screen when stdout is a terminal
/// (security.md §3.5): no search-history file, no shell escapes, screen cleared on exit.
enum Pager {
  static func show(_ text: String) throws {
    guard Console.stdoutIsTerminal, let less = which("less") else {
      Console.out(text)
      return
    }
    // In the foreground process group, or less cannot read keys (ForegroundProcess.swift).
    try ForegroundProcess.run(
      less, arguments: ["-R"],
      environment: ChildEnvironment.scrubbed(adding: ["LESSHISTFILE": "-", "LESSSECURE": "1"]),
      input: Data(text.utf8))
  }

  static func which(_ program: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(program)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
