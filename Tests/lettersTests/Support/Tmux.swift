import Foundation
import Testing

/// A real terminal for interactive tests: a detached tmux session on a private socket,
/// driven with send-keys and read with capture-pane.
struct Tmux {
  let socket: String
  let session = "letters"

  /// Starts `command` (run by /bin/sh) in a 120×40 terminal with `environment`.
  init(_ command: String, environment: [String: String], directory: URL) throws {
    socket = directory.appendingPathComponent("tmux-\(UUID().uuidString.prefix(8))").path
    let exports = environment.map { "export \($0.key)=\(PseudoTerminal.quote($0.value));" }
      .joined(separator: " ")
    // The exit status is printed last, so tests can wait for it.
    let script = "\(exports) \(command); echo \"[exit $?]\"; sleep 600"
    try run(["new-session", "-d", "-s", session, "-x", "120", "-y", "40", "/bin/sh", "-c", script])
  }

  func sendKeys(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

  func screen() throws -> String {
    try run(["capture-pane", "-p", "-t", session])
  }

  /// Polls the screen until it contains `text`; records an issue after `seconds`.
  @discardableResult
  func waitFor(_ text: String, seconds: Double = 30) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if last.contains(text) { return last }
      usleep(50_000)
    }
    Issue.record("the terminal never showed “\(text)”; it showed:\n\(last)")
    return last
  }

  func kill() { _ = try? run(["kill-server"]) }

  /// Runs tmux with posix_spawn and waitpid. Foundation's Process is not used here: the tmux
  /// server that new-session forks inherits the descriptor Process watches for the child's
  /// exit, so Process would wait for the server, not the client.
  @discardableResult
  private func run(_ arguments: [String]) throws -> String {
    let output = socket + ".out-\(UUID().uuidString.prefix(6))"
    defer { unlink(output) }
    let argv = ["/usr/bin/tmux", "-S", socket, "-f", "/dev/null"] + arguments
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    let target = arguments.first == "new-session" ? "/dev/null" : output
    posix_spawn_file_actions_addopen(&actions, 1, target, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for pointer in cArguments { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
  }
}
