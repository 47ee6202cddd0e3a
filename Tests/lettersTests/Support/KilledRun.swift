import Foundation

/// A run of the real binary that may be SIGKILLed part-way, as a power cut or OOM kill would.
struct KilledRun {
  /// Nil when the process was killed by the signal.
  let status: Int32?
  let stdout: String
  let stderr: String
  /// Wall time until exit or kill.
  let seconds: Double

  /// Starts `letters arguments`, sends SIGKILL to that process id after `delay` seconds if it
  /// is still running, and waits for it.
  static func run(
    _ arguments: [String], stdin: String?, environment: [String: String], killAfter delay: Double,
    executable: URL = CLI.binary
  ) throws -> KilledRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["SWIFT_BACKTRACE"] = "enable=no"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("letters-kill-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out")
    let errURL = scratch.appendingPathComponent("err")
    let inURL = scratch.appendingPathComponent("in")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    FileManager.default.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8))
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    let inHandle = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = inHandle
    let start = Date()
    try process.run()
    let pid = process.processIdentifier
    let deadline = start.addingTimeInterval(delay)
    while process.isRunning && Date() < deadline { usleep(500) }
    var killed = false
    if process.isRunning {
      kill(pid, SIGKILL)
      killed = true
    }
    process.waitUntilExit()
    let seconds = Date().timeIntervalSince(start)
    try? outHandle.close()
    try? errHandle.close()
    try? inHandle.close()
    let wasSignalled = process.terminationReason == .uncaughtSignal
    return KilledRun(
      status: killed && wasSignalled
        ? nil : (wasSignalled ? 128 + process.terminationStatus : process.terminationStatus),
      stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
      stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self),
      seconds: seconds)
  }
}
