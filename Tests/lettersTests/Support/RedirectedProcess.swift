import Foundation

/// A child whose stdin, stdout and stderr are files in a scratch directory of its own.
/// Files, not pipes: no reader threads, and no deadlock on large output.
final class RedirectedProcess {
  let process = Process()
  private let scratch: URL
  private var handles: [FileHandle] = []

  init(
    _ executable: URL, _ arguments: [String], environment: [String: String],
    inheritEnvironment: Bool = true, stdin: Data
  ) throws {
    process.executableURL = executable
    process.arguments = arguments
    var env = inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
    // Crash reports would only slow the run and clutter the output.
    env["SWIFT_BACKTRACE"] = "enable=no"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("letters-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    for (name, contents) in [("out", Data()), ("err", Data()), ("in", stdin)] {
      FileManager.default.createFile(atPath: file(name).path, contents: contents)
    }
    handles = [
      try FileHandle(forWritingTo: file("out")), try FileHandle(forWritingTo: file("err")),
      try FileHandle(forReadingFrom: file("in")),
    ]
    process.standardOutput = handles[0]
    process.standardError = handles[1]
    process.standardInput = handles[2]
  }

  deinit { try? FileManager.default.removeItem(at: scratch) }

  /// What the child wrote, once it has ended.
  func output() -> (stdout: Data, stderr: Data) {
    for handle in handles { try? handle.close() }
    return (
      (try? Data(contentsOf: file("out"))) ?? Data(), (try? Data(contentsOf: file("err"))) ?? Data()
    )
  }

  private func file(_ name: String) -> URL { scratch.appendingPathComponent(name) }
}
