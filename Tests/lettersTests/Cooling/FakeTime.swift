import Foundation

/// Runs the real binary at a chosen moment through Debian's `faketime` wrapper (package
/// `faketime`, libfaketime 0.9.10).
///
/// Through the wrapper, not by setting `LD_PRELOAD`/`FAKETIME` ourselves: without the
/// wrapper's shared-memory setup (`FAKETIME_SHARED`) the Swift binary loses its arguments.
///
/// libfaketime fakes CLOCK_MONOTONIC and CLOCK_BOOTTIME too unless told not to: the faked
/// boot clock then reads the faked wall time itself. So between two runs the boot clock
/// moves exactly as far as the wall clock, as if the writer came back a day later without
/// restarting (the boot id, read from /proc, is real and the same). `wall − boottime` stays
/// put, no jump is seen, and every run is deterministic. ``realBootClock`` passes
/// `--exclude-monotonic` and keeps the real boot clock instead, to show a wall clock moved
/// forward without a restart.
struct FakeTime {
  static let wrapper = "/usr/bin/faketime"

  let fixture: CLIFixture
  /// For every run of this fixture: mixing the two would itself look like a jump.
  let realBootClock: Bool

  /// Every command of a faked test, `init` included, so no real-time evidence mixes in.
  static func fixture(realBootClock: Bool = false) throws -> FakeTime {
    FakeTime(fixture: try CLIFixture(create: false), realBootClock: realBootClock)
  }

  /// `time` is UTC, "2027-01-12 10:00:00"; the faked clock starts there and runs on.
  @discardableResult
  func run(_ arguments: [String], at time: String, stdin: String? = nil) throws -> CLIResult {
    Self.removeStaleSharedMemory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.wrapper)
    process.arguments =
      (realBootClock ? ["--exclude-monotonic"] : []) + [time, CLI.binary.path] + arguments
    var environment = ProcessInfo.processInfo.environment.merging(fixture.environment) { $1 }
    environment["SWIFT_BACKTRACE"] = "enable=no"
    environment["TZ"] = "UTC"
    process.environment = environment
    let scratch = fixture.directory.appendingPathComponent("run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let paths = ["in", "out", "err"].map { scratch.appendingPathComponent($0).path }
    FileManager.default.createFile(atPath: paths[0], contents: Data((stdin ?? "").utf8))
    FileManager.default.createFile(atPath: paths[1], contents: nil)
    FileManager.default.createFile(atPath: paths[2], contents: nil)
    process.standardInput = FileHandle(forReadingAtPath: paths[0])
    process.standardOutput = FileHandle(forWritingAtPath: paths[1])
    process.standardError = FileHandle(forWritingAtPath: paths[2])
    try process.run()
    process.waitUntilExit()
    let out = try Data(contentsOf: URL(fileURLWithPath: paths[1]))
    let err = try Data(contentsOf: URL(fileURLWithPath: paths[2]))
    return CLIResult(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self), stdoutData: out)
  }

  /// The wrapper names its semaphore and shared memory after its own pid and creates them
  /// with O_EXCL; a wrapper killed earlier (a test run stopped by hand) leaves them in
  /// /dev/shm, and a later wrapper given the same pid fails with "sem_open: File exists".
  /// Removes those whose process is gone.
  static func removeStaleSharedMemory() {
    let shm = "/dev/shm"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: shm)) ?? [] {
      guard let prefix = ["sem.faketime_sem_", "faketime_shm_"].first(where: name.hasPrefix),
        let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      try? FileManager.default.removeItem(atPath: shm + "/" + name)
    }
  }

  /// `init` then a letter from stdin, both at `time`; returns the letter's id.
  func vaultWithLetter(at time: String) throws -> String {
    let created = try run(["init", "--kdf", "interactive"], at: time)
    guard created.status == 0 else { throw Failure(message: "init: \(created.stderr)") }
    let written = try run(
      ["write", "--to", "Dr. Hale"], at: time, stdin: "Dear Dr. Hale,\nthank you.\n")
    guard written.status == 0 else { throw Failure(message: "write: \(written.stderr)") }
    return written.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func fingerprint(_ id: String, at time: String) throws -> String {
    let shown = try run(["show", id, "--json"], at: time)
    let object = try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any]
    return object?["fingerprint"] as? String ?? ""
  }

  func state(_ id: String, at time: String) throws -> String {
    let shown = try run(["show", id, "--json"], at: time)
    let object = try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any]
    return object?["state"] as? String ?? ""
  }

  func remove() { fixture.remove() }

  struct Failure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }
}
