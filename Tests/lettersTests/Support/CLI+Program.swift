import Foundation

extension CLI {
  /// Runs another program (expect, for terminal tests) the way ``run(_:stdin:environment:inheritEnvironment:)``
  /// runs letters.
  static func runProgram(_ path: String, _ arguments: [String], environment: [String: String])
    throws -> CLIResult
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
      .merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("letters-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    process.standardOutput = outHandle
    process.standardError = outHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try? outHandle.close()
    let data = try Data(contentsOf: outURL)
    return CLIResult(
      status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "",
      stdoutData: data)
  }
}
