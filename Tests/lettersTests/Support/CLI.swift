import Foundation
import Testing

/// Runs the real `letters` binary, as a user or script would.
struct CLIResult {
  let status: Int32
  let stdout: String
  let stderr: String
  let stdoutData: Data
}

enum CLI {
  /// The built binary: `$LETTERS_BIN`, else `letters` next to the test bundle.
  static let binary: URL = {
    if let path = ProcessInfo.processInfo.environment["LETTERS_BIN"] {
      return URL(fileURLWithPath: path)
    }
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("letters")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    let fallback = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug/letters")
    return fallback
  }()

  /// The release binary, as `scripts/letters` builds it and a person runs it: the brake's
  /// attack tests (BrakeBypassTests, RealTimeReleaseTests) run this one (`$LETTERS_RELEASE_BIN`, else `.build/release/letters`,
  /// which `scripts/test` builds). Missing, it is a failure that says how to build it.
  static let releaseBinary: URL = {
    if let path = ProcessInfo.processInfo.environment["LETTERS_RELEASE_BIN"] {
      return URL(fileURLWithPath: path)
    }
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/release/letters")
  }()

  /// Fails the test when the release binary is not built.
  static func requireReleaseBinary() throws {
    guard FileManager.default.isExecutableFile(atPath: releaseBinary.path) else {
      Issue.record(
        "no release binary at \(releaseBinary.path): run `swift build -c release --product letters` (scripts/test does)")
      throw CancellationError()
    }
  }

  @discardableResult
  static func run(
    _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
    inheritEnvironment: Bool = true, executable: String? = nil
  ) throws -> CLIResult {
    // `executable` runs something else (a shell wrapping letters) with the same plumbing.
    let child = try RedirectedProcess(
      executable.map(URL.init(fileURLWithPath:)) ?? binary, arguments, environment: environment,
      inheritEnvironment: inheritEnvironment, stdin: stdin ?? Data())
    try child.process.run()
    child.process.waitUntilExit()
    let (outData, errData) = child.output()
    return CLIResult(
      status: child.process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
  }
}

/// A temporary home for one CLI test: a vault path, a passphrase file, a private runtime dir.
struct CLIFixture {
  let directory: URL
  /// The binary `run` starts: the debug build, or ``CLI/releaseBinary`` for the brake's tests.
  var binary = CLI.binary
  let vault: String
  let passphraseFile: String
  let runtimeDirectory: String
  static let passphrase = "correct horse battery staple"

  init(create: Bool = true) throws {
    directory = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("letters-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    vault = directory.appendingPathComponent("vault/vault.db").path
    passphraseFile = directory.appendingPathComponent("passphrase").path
    try (Self.passphrase + "\n").write(toFile: passphraseFile, atomically: true, encoding: .utf8)
    runtimeDirectory = "/dev/shm/letters-test-runtime-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: runtimeDirectory, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    if create {
      let result = try run(["init", "--kdf", "interactive"])
      #expect(result.status == 0, "init failed: \(result.stderr)")
    }
  }

  /// The environment every command in this fixture gets.
  var environment: [String: String] {
    [
      "LETTERS_VAULT": vault, "LETTERS_PASSPHRASE_FILE": passphraseFile,
      "XDG_RUNTIME_DIR": runtimeDirectory, "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
      "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
      "TZ": "UTC",
    ]
  }

  @discardableResult
  func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:])
    throws -> CLIResult
  {
    try CLI.run(
      arguments, stdin: stdin.map { Data($0.utf8) },
      environment: environment.merging(extra) { $1 }, executable: binary.path)
  }

  /// Writes a letter from stdin and returns its id.
  func write(_ text: String, to: String = "Dr. Hale", subject: String = "") throws -> String {
    var arguments = ["write", "--to", to]
    if !subject.isEmpty { arguments += ["--subject", subject] }
    let result = try run(arguments, stdin: text)
    #expect(result.status == 0, "write failed: \(result.stderr)")
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func vaultBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: vault)) }

  func remove() {
    try? FileManager.default.removeItem(at: directory)
    try? FileManager.default.removeItem(atPath: runtimeDirectory)
  }
}
