import Foundation
import Testing

/// `letters` with a real editor (vim, nano) in a real terminal (tmux): the shell in the pane
/// saves `stty -g` before and after, and prints `[exit N]` when letters ends.
struct EditorPane {
  let tmux = TmuxPane()
  let fixture: CLIFixture
  private let before: String
  private let after: String

  /// Runs `letters arguments` with `editor` as EDITOR (nil: EDITOR and VISUAL unset).
  init(_ fixture: CLIFixture, editor: String?, _ arguments: [String], environment: [String: String] = [:]) throws {
    self.fixture = fixture
    before = fixture.directory.appendingPathComponent("stty-before").path
    after = fixture.directory.appendingPathComponent("stty-after").path
    let home = fixture.directory.appendingPathComponent("home").path
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    var variables = fixture.environment.merging(environment) { $1 }
    variables["HOME"] = home
    if let editor { variables["EDITOR"] = editor }
    let exports = variables.map { "\($0.key)=\(PseudoTerminal.quote($0.value))" }.sorted().joined(separator: " ")
    let unset = editor == nil ? "-u EDITOR -u VISUAL" : "-u VISUAL"
    let command = ([CLI.binary.path] + arguments).map(PseudoTerminal.quote).joined(separator: " ")
    try tmux.start(
      "stty -g > \(before); env \(unset) \(exports) \(command); echo \"[exit $?]\"; stty -g > \(after); sleep 600")
  }

  /// Waits for letters to end and returns its exit status.
  func exitStatus(seconds: Double = 30) throws -> Int32 {
    let screen = try tmux.waitFor("[exit ", seconds: seconds)
    let tail = screen.components(separatedBy: "[exit ").last ?? ""
    return Int32(tail.prefix { $0.isNumber }) ?? -1
  }

  /// The letters process in the pane (a child of the pane's shell).
  func lettersPID() throws -> pid_t {
    let shell = try tmux.display("#{pane_pid}")
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
      let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
      for child in children.split(separator: " ") {
        if let pid = pid_t(child), Self.name(of: pid) == "letters" { return pid }
      }
      usleep(50_000)
    }
    throw TmuxPane.Timeout(text: "letters to start", screen: try tmux.screen())
  }

  /// The processes whose parent is `pid` (the editor letters started).
  static func children(of pid: pid_t) -> [pid_t] {
    let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
    return text.split(separator: " ").compactMap { pid_t($0) }
  }

  static func name(of pid: pid_t) -> String {
    ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The whole command line of `pid`, its arguments joined by spaces.
  static func commandLine(of pid: pid_t) -> String {
    let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
    return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
  }

  /// True when the terminal's modes after letters equal those before.
  func terminalModesRestored() -> Bool {
    guard let first = try? String(contentsOfFile: before, encoding: .utf8),
      let second = try? String(contentsOfFile: after, encoding: .utf8)
    else { return false }
    return !first.isEmpty && first == second
  }

  /// Scratch folders (and anything else) left in the fixture's runtime directory or /dev/shm.
  func leftovers() -> [String] {
    let runtime = (try? FileManager.default.contentsOfDirectory(atPath: fixture.runtimeDirectory)) ?? []
    return runtime.filter { $0.hasPrefix("letters-edit.") }
  }

  func stop() { tmux.stop() }
}
