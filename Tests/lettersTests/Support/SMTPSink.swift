import Foundation

/// A real SMTP server on 127.0.0.1 (Fixtures/smtp_sink.py, Debian python3-aiosmtpd) that
/// writes every message it receives to a directory. Started on a free port, restartable on
/// the same port, and always stopped: the script also exits when its stdin closes, so it
/// cannot outlive a crashed test.
final class SMTPSink {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/smtp_sink.py").path

  let directory: URL
  private(set) var port: Int = 0
  private var process: Process?
  private var stdin: Pipe?

  init(directory: URL) throws {
    self.directory = directory
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  /// Starts the server (on the previous port after a stop) and waits, at most 15 s, until it
  /// listens.
  func start() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [Self.script, directory.path, String(port)]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    self.process = process
    self.stdin = input
    let ready = DispatchSemaphore(value: 0)
    let box = LineBox()
    Thread {
      box.line = Self.firstLine(output.fileHandleForReading)
      ready.signal()
    }.start()
    guard ready.wait(timeout: .now() + 15) == .success, let port = Int(box.line ?? "") else {
      stop()
      throw SinkError.didNotStart
    }
    self.port = port
  }

  /// Stops the server and waits for it to exit (bounded: SIGKILL after 5 s).
  func stop() {
    guard let process else { return }
    try? stdin?.fileHandleForWriting.close()
    process.terminate()
    let deadline = Date().addingTimeInterval(5)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    self.process = nil
    self.stdin = nil
  }

  /// The messages received so far, in order.
  func messages() throws -> [Data] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".eml") }.sorted()
      .map { try Data(contentsOf: directory.appendingPathComponent($0)) }
  }

  /// An msmtp configuration for this server, mode 0600 as msmtp requires.
  func writeMsmtpConfiguration(to path: String, from: String) throws {
    let text = """
      defaults
      auth off
      tls off
      timeout 10
      account default
      host 127.0.0.1
      port \(port)
      from \(from)

      """
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
  }

  deinit { stop() }

  enum SinkError: Error { case didNotStart }

  private final class LineBox: @unchecked Sendable { var line: String? }

  private static func firstLine(_ handle: FileHandle) -> String? {
    var bytes: [UInt8] = []
    while true {
      let data = handle.readData(ofLength: 1)
      guard let byte = data.first else { break }
      if byte == 0x0A { break }
      bytes.append(byte)
    }
    return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
  }
}
