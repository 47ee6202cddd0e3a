import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A private tmux server (its own socket, no user config) running one command in a real
/// terminal, for tests that need a person at the keyboard (SECURITY.md §2 T41 style). The one
/// tmux driver of the tests.
package struct TmuxPane {
  package let socket = "letters-test-\(UUID().uuidString.prefix(8))"
  package let session = "test"

  package init() {}

  /// Starts `command` (a shell command line) in a pane `columns` wide and `rows` high.
  package func start(_ command: String, columns: Int = 120, rows: Int = 40) throws {
    try tmux(
      ["new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-s", session, command], output: false)
  }

  /// Presses one key, without Enter (`q` to leave the pager).
  package func press(_ key: String) throws {
    try tmux(["send-keys", "-t", session, "-l", key], output: false)
  }

  /// Presses keys by tmux's names (`Escape`, `C-o`, `Enter`), one after another.
  package func keys(_ names: String...) throws {
    try tmux(["send-keys", "-t", session] + names, output: false)
  }

  /// A tmux format about the pane, such as `#{pane_pid}` or `#{pane_title}`.
  package func display(_ format: String) throws -> String {
    try tmux(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Types `text` literally, then Enter.
  package func type(_ text: String) throws {
    if !text.isEmpty { try tmux(["send-keys", "-t", session, "-l", text], output: false) }
    try tmux(["send-keys", "-t", session, "Enter"], output: false)
  }

  /// The pane with its scrollback, then the alternate screen if a program (the pager) is
  /// showing one: capture-pane shows only the normal screen unless asked with `-a`.
  package func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-J", "-S", "-500", "-t", session])
      + tmux(["capture-pane", "-p", "-a", "-q", "-t", session])
  }

  /// Only what is on the screen now (no scrollback), wrapped lines joined: what a clear
  /// screen would have wiped.
  package func visibleScreen() throws -> String {
    try tmux(["capture-pane", "-p", "-J", "-t", session])
  }

  /// The pane's title, as a program sets it with `ESC ] 2 ; … BEL`.
  package func title() throws -> String {
    try tmux(["display-message", "-p", "-t", session, "#{pane_title}"])
      .trimmingCharacters(in: .newlines)
  }

  /// Polls the pane until `text` appears `count` times; fails after `seconds`.
  @discardableResult
  package func waitFor(_ text: String, count: Int = 1, seconds: Double = 30) throws -> String {
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
  package func stop() { _ = try? tmux(["kill-server"], output: false) }

  /// Runs tmux with `posix_spawn`, not Foundation's `Process`: on Linux `Process` learns
  /// that a child ended when a socket it hands the child is closed, and the tmux server that
  /// `new-session` forks would inherit that socket and keep it open, so the wait would never
  /// end. bash (dash cannot name descriptors above 9) closes every inherited descriptor above
  /// 2 before it becomes tmux, so the server holds nothing of this process or of other tests
  /// running beside it.
  @discardableResult
  private func tmux(_ arguments: [String], output: Bool = true) throws -> String {
    let outputPath = NSTemporaryDirectory() + "/\(socket)-\(UUID().uuidString.prefix(6)).out"
    defer { unlink(outputPath) }
    let script = """
      for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"; done; \
      exec /usr/bin/tmux "$@"
      """
    let argv = ["/bin/bash", "-c", script, "bash", "-L", socket, "-f", "/dev/null"] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] =
      environment["TERM"].flatMap { $0.isEmpty || $0 == "dumb" ? nil : $0 } ?? "xterm-256color"
    environment["TMUX"] = nil
    let envp = environment.map { "\($0.key)=\($0.value)" }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, output ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let cArguments = argv.map { strdup($0) } + [nil]
    let cEnvironment = envp.map { strdup($0) } + [nil]
    defer {
      for pointer in cArguments { free(pointer) }
      for pointer in cEnvironment { free(pointer) }
    }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/bash", &actions, nil, cArguments, cEnvironment) == 0 else {
      throw Timeout(text: "tmux to start", screen: "")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return output ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
  }

  package struct Timeout: Error, CustomStringConvertible {
    package let text: String
    package let screen: String

    package init(text: String, screen: String) {
      self.text = text
      self.screen = screen
    }

    package var description: String { "waited for “\(text)”; the screen was:\n\(screen)" }
  }
}
