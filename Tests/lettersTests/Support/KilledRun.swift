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
    let child = try RedirectedProcess(
      executable, arguments, environment: environment, stdin: Data((stdin ?? "").utf8))
    let process = child.process
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
    let (outData, errData) = child.output()
    let wasSignalled = process.terminationReason == .uncaughtSignal
    return KilledRun(
      status: killed && wasSignalled
        ? nil : (wasSignalled ? 128 + process.terminationStatus : process.terminationStatus),
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self),
      seconds: seconds)
  }
}
