import Foundation

/// A private tmux server (its own socket, no user config) running one command in a real
/// terminal, for tests that need a person at the keyboard (security.md §5.2 T41 style).
struct TmuxPane {
  let socket = "letters-test-\(UUID().uuidString.prefix(8))"
  let session = "test"

  /// Starts `command` (a shell command line) in a 120×40 pane.
  func start(_ command: String) throws {
    try tmux(["new-session", "-d", "-x", "120", "-y", "40", "-s", session, command], output: false)
  }

  /// Types `text` literally, then Enter.
  func type(_ text: String) throws {
    if !text.isEmpty { try tmux(["send-keys", "-t", session, "-l", text], output: false) }
    try tmux(["send-keys", "-t", session, "Enter"], output: false)
  }

  /// The pane with its scrollback.
  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-J", "-S", "-500", "-t", session])
  }

  /// Polls the pane until `text` appears `count` times; fails after `seconds`.
  @discardableResult
  func waitFor(_ text: String, count: Int = 1, seconds: Double = 30) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if last.components(separatedBy: text).count - 1 >= count { return last }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw Timeout(text: text, screen: last)
  }

  /// Stops this test's server, and only it.
  func stop() { _ = try? tmux(["kill-server"], output: false) }

  @discardableResult
  /// `output` only for commands that do not start the server: a server forked by this
  /// client would inherit the pipe and the read would never see its end.
  private func tmux(_ arguments: [String], output: Bool = true) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
    process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = environment["TERM"].flatMap { $0.isEmpty || $0 == "dumb" ? nil : $0 } ?? "xterm-256color"
    environment["TMUX"] = nil
    process.environment = environment
    process.standardError = FileHandle.nullDevice
    guard output else {
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      return ""
    }
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  struct Timeout: Error, CustomStringConvertible {
    let text: String
    let screen: String
    var description: String { "waited for “\(text)”; the screen was:\n\(screen)" }
  }
}
