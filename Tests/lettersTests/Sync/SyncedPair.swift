import Foundation
import Testing

/// Two computers with one vault (README "Two computers"): each a ``CLIFixture`` with its own
/// vault path and state directory, and a bare git repository on disk as their remote. git
/// runs with a private HOME and no system configuration.
struct SyncedPair {
  let root: URL
  let remote: String
  let laptop: CLIFixture
  let desktop: CLIFixture

  init() throws {
    root = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("letters-sync-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("home"), withIntermediateDirectories: true)
    remote = root.appendingPathComponent("remote.git").path
    laptop = try CLIFixture()
    desktop = try CLIFixture(create: false)
    let bare = try Self.git(["init", "--quiet", "--bare", remote], home: root.path + "/home")
    #expect(bare.status == 0, "\(bare.stderr)")
  }

  var gitEnvironment: [String: String] {
    ["HOME": root.path + "/home", "GIT_CONFIG_NOSYSTEM": "1"]
  }

  @discardableResult
  func run(_ computer: CLIFixture, _ arguments: [String], stdin: String? = nil) throws
    -> CLIResult
  {
    try computer.run(arguments, stdin: stdin, environment: gitEnvironment)
  }

  /// The laptop, which has the vault, sets sync up first; the desktop fetches it.
  func setUp() throws {
    let first = try run(laptop, ["sync", "init", remote])
    #expect(first.status == 0, "\(first.stderr)")
    let second = try run(desktop, ["sync", "init", remote])
    #expect(second.status == 0, "\(second.stderr)")
  }

  func sync(_ computer: CLIFixture) throws {
    let result = try run(computer, ["sync"])
    #expect(result.status == 0, "sync failed: \(result.stderr)")
  }

  func list(_ computer: CLIFixture) throws -> String {
    let result = try run(computer, ["list", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
  }

  /// How many commits the remote's branch has.
  func remoteCommits() throws -> Int {
    Int(try git(["-C", remote, "rev-list", "--count", "main"]).stdout.trimmed) ?? -1
  }

  func git(_ arguments: [String]) throws -> CLIResult {
    try Self.git(arguments, home: root.path + "/home")
  }

  static func git(_ arguments: [String], home: String) throws -> CLIResult {
    try CLI.run(
      arguments, environment: ["HOME": home, "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"],
      executable: "/usr/bin/git")
  }

  func folder(_ computer: CLIFixture) -> String {
    (computer.vault as NSString).deletingLastPathComponent
  }

  func remove() {
    laptop.remove()
    desktop.remove()
    try? FileManager.default.removeItem(at: root)
  }
}

extension String {
  var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
