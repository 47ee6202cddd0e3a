import Foundation
import Testing

/// Two windows at once, and a writer killed at random moments: nothing is lost and the vault
/// stays whole (README; SECURITY.md §2 T25).
@Suite struct ConcurrencyTests {
  @Test func twoProcessesWritingFiftyLettersEachKeepAllHundred() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let loop = """
      i=0
      while [ $i -lt 50 ]; do
        printf 'letter %s from %s\\n' "$i" "$1" | "$0" write --to "writer $1" || exit 1
        i=$((i+1))
      done
      """
    let writers = try (1...2).map { number -> (Process, URL) in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", loop, CLI.binary.path, "\(number)"]
      process.environment = ProcessInfo.processInfo.environment.merging(fixture.environment) { $1 }
      let out = fixture.directory.appendingPathComponent("writer-\(number).out")
      FileManager.default.createFile(atPath: out.path, contents: nil)
      process.standardOutput = try FileHandle(forWritingTo: out)
      process.standardError = FileHandle.nullDevice
      try process.run()
      return (process, out)
    }
    var ids = Set<String>()
    for (process, out) in writers {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      let printed = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map(String.init)
      #expect(printed.count == 50)
      ids.formUnion(printed)
    }
    #expect(ids.count == 100)
    let listed = try fixture.run(["list", "--json"])
    #expect(listed.status == 0)
    let letters = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
    #expect(letters.count == 100)
    #expect(Set(letters.compactMap { $0["id"] as? String }) == ids)
    #expect(try fixture.run(["verify"]).status == 0)
  }

  @Test func aWriterKilledAtRandomMomentsLosesNothingThatWasConfirmed() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    var generator = SystemRandomNumberGenerator()
    var confirmed: [String] = []
    var killed = 0
    let body = fixture.directory.appendingPathComponent("body.txt")
    try Data(String(repeating: "a letter that may be cut short\n", count: 20_000).utf8).write(to: body)
    for round in 0..<20 {
      let process = Process()
      process.executableURL = CLI.binary
      process.arguments = ["write", "--subject", "round \(round)"]
      process.environment = ProcessInfo.processInfo.environment.merging(fixture.environment) { $1 }
      let out = fixture.directory.appendingPathComponent("kill-\(round).out")
      FileManager.default.createFile(atPath: out.path, contents: nil)
      process.standardOutput = try FileHandle(forWritingTo: out)
      process.standardError = FileHandle.nullDevice
      process.standardInput = try FileHandle(forReadingFrom: body)
      try process.run()
      if round % 4 != 3 {
        usleep(UInt32.random(in: 0...250_000, using: &generator))
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      }
      process.waitUntilExit()
      if process.terminationReason == .uncaughtSignal { killed += 1 }
      let printed = try String(contentsOf: out, encoding: .utf8)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      // The id is printed only after the commit: whoever saw it was promised the letter,
      // even if the process died a moment later.
      if process.terminationReason == .exit, process.terminationStatus == 0 {
        #expect(printed.count == 32)
      }
      if printed.count == 32 { confirmed.append(printed) }
    }
    #expect(confirmed.count >= 5, "every fourth write runs to the end")
    #expect(killed >= 1, "some writers were killed mid-run")
    let verified = try fixture.run(["verify"])
    #expect(verified.status == 0, "\(verified.stderr)")
    let listed = try fixture.run(["list", "--json"])
    #expect(listed.status == 0)
    let letters = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
    let present = Set(letters.compactMap { $0["id"] as? String })
    #expect(Set(confirmed).isSubset(of: present))
    print("killed \(killed) of 20 writers; \(confirmed.count) confirmed, \(present.count) present")
  }
}
