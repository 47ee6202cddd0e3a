import VaultRecords
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the configured sendmail-compatible command (`/bin/sh -c CMD`) with the message on
/// stdin, the way mutt and git send-email do; the vault holds no SMTP password.
struct DeliveryCommand {
  /// How a run ended.
  enum Outcome: Equatable {
    /// Exit status 0: the command took the message.
    case accepted
    /// A non-zero status, or the command could not start: the message was not taken.
    case refused(String)
    /// The command did not finish in time and was stopped: it may or may not have sent.
    case unknown(String)
  }

  let command: String
  /// The child's whole environment, already scrubbed of letters' private variables by the
  /// caller (SECURITY.md §2.8).
  let environment: [String: String]
  let timeout: TimeInterval

  func run(_ message: [UInt8]) -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.environment = environment
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    // A command that exits without reading all of stdin must not kill us with SIGPIPE; the
    // write then fails and the exit status tells what happened.
    signal(SIGPIPE, SIG_IGN)
    do { try process.run() } catch {
      return .refused("the mail command could not be started")
    }
    let collected = ErrorOutput()
    let reader = Thread { collected.read(errors.fileHandleForReading) }
    reader.start()
    try? input.fileHandleForWriting.write(contentsOf: Data(message))
    try? input.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning {
      // SIGTERM first; a child that blocks or ignores it gets SIGKILL two seconds later.
      process.terminate()
      let grace = Date().addingTimeInterval(2)
      while process.isRunning && Date() < grace { usleep(20_000) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
      collected.wait()
      return .unknown("the mail command did not finish within \(Int(timeout)) seconds and was stopped")
    }
    process.waitUntilExit()
    collected.wait()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let line = collected.summary()
      let status =
        process.terminationReason == .exit
        ? "the mail command exited with status \(process.terminationStatus)"
        : "the mail command was stopped by signal \(process.terminationStatus)"
      return .refused(line.isEmpty ? status : line)
    }
    return .accepted
  }
}

/// The child's stderr, read on its own thread so a chatty command cannot block on a full pipe.
/// Only a short summary is kept for the error record.
private final class ErrorOutput: @unchecked Sendable {
  private let lock = NSLock()
  private let done = DispatchSemaphore(value: 0)
  private var data = Data()

  func read(_ handle: FileHandle) {
    let all = handle.readDataToEndOfFile()
    lock.withLock { data = all.suffix(64 * 1024) }
    done.signal()
  }

  /// Bounded: a grandchild still holding the pipe open must not hang letters.
  func wait() { _ = done.wait(timeout: .now() + 5) }

  /// The non-empty lines joined with " — ", control characters removed, at most 300
  /// characters: msmtp says why on one line and that it gave up on the next.
  func summary() -> String {
    let text = lock.withLock { String(decoding: data.suffix(4096), as: UTF8.self) }
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.filter { !$0.isASCII || !$0.asciiValue!.isControl }.trimmingCharacters(in: .whitespaces)
    }
    return String(lines.filter { !$0.isEmpty }.joined(separator: " — ").prefix(300))
  }
}

extension UInt8 {
  fileprivate var isControl: Bool { self < 0x20 || self == 0x7F }
}
