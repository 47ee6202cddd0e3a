import Foundation
import Testing

/// SECURITY.md §2: the disk fills up during a save. The command says so (exit 74), and the
/// vault is exactly as it was: SQLite rolls the transaction back from its journal.
///
/// The disk is a real 1 MiB tmpfs mounted for the test (root can mount here and in CI). The
/// second test uses RLIMIT_FSIZE instead (`ulimit -f` with SIGXFSZ ignored, so write(2)
/// fails with EFBIG), which needs no privileges; the first falls back to it when mounting is
/// not permitted.
@Suite(.serialized) struct DiskFullTests {
  @Test func aFullDiskDuringWriteIsReportedAndTheVaultIsUnchanged() throws {
    let mountPoint = FileManager.default.temporaryDirectory
      .appendingPathComponent("letters-full-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(
      atPath: mountPoint, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(atPath: mountPoint) }
    let mount = try Self.system(
      "/bin/mount", ["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", mountPoint])
    guard mount == 0 else {
      // Not root (or no CAP_SYS_ADMIN): the documented fallback, a file-size limit.
      try Self.fileSizeLimitScenario()
      return
    }
    defer { _ = try? Self.system("/bin/umount", [mountPoint]) }

    let fixture = try CLIFixture(create: false)
    defer { fixture.remove() }
    let vault = mountPoint + "/vault.db"
    let environment = ["LETTERS_VAULT": vault]
    #expect(
      try fixture.run(["init", "--kdf", "interactive"], environment: environment).status == 0)
    let kept = try fixture.run(
      ["write"], stdin: "a letter that must survive\n", environment: environment)
    let keptID = kept.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let big = String(repeating: "so much to say. ", count: 24_000)

    // Fill the disk, then leave a little more room each round: the save fails early (no room
    // for the journal) and late (half-way through the pages).
    let filler = mountPoint + "/filler"
    for room in [0, 8 << 10, 64 << 10, 200 << 10] {
      try Self.fill(filler, leaving: room, on: mountPoint)
      let before = try Data(contentsOf: URL(fileURLWithPath: vault))
      let result = try fixture.run(["write"], stdin: big, environment: environment)
      #expect(result.status == 74, "room \(room): exited \(result.status): \(result.stderr)")
      #expect(result.stderr.contains("disk is full"), "room \(room): \(result.stderr)")
      #expect(result.stdout.isEmpty)
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: vault)) == before, "room \(room): vault changed")
      #expect(!FileManager.default.fileExists(atPath: vault + "-journal"))
      try FileManager.default.removeItem(atPath: filler)
      #expect(try fixture.run(["verify"], environment: environment).status == 0)
    }
    let shown = try fixture.run(["show", keptID, "--text-only"], environment: environment)
    #expect(shown.stdout == "a letter that must survive\n")
    // With room again, the same save works.
    #expect(try fixture.run(["write"], stdin: big, environment: environment).status == 0)
  }

  @Test func aFileSizeLimitDuringWriteIsReportedAndTheVaultIsUnchanged() throws {
    try Self.fileSizeLimitScenario()
  }

  static func fileSizeLimitScenario() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let keptID = try fixture.write("still here\n")
    let before = try fixture.vaultBytes()
    let blocks = before.count / 512 + 4
    let script = "ulimit -f \(blocks); trap '' XFSZ; exec \"$0\" write"
    let result = try KilledRun.run(
      ["-c", script, CLI.binary.path], stdin: String(repeating: "words ", count: 40_000),
      environment: fixture.environment, killAfter: 120, executable: URL(fileURLWithPath: "/bin/sh"))
    #expect(result.status == 74, "exited \(result.status): \(result.stderr)")
    #expect(result.stderr.hasPrefix("letters: "))
    #expect(try fixture.vaultBytes() == before)
    #expect(try fixture.run(["verify"]).status == 0)
    #expect(try fixture.run(["show", keptID, "--text-only"]).stdout == "still here\n")
  }

  static func system(_ tool: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Writes `path` until the file system is full, then frees `room` bytes of it.
  static func fill(_ path: String, leaving room: Int, on mountPoint: String) throws {
    let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
    #expect(fd >= 0)
    let chunk = [UInt8](repeating: 0x55, count: 4096)
    var written = 0
    while true {
      let count = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      written += count
    }
    ftruncate(fd, off_t(max(0, written - room)))
    close(fd)
  }
}
