import Foundation
import Testing

/// The programs in Examples/ are built with the package; each must run and do what it says.
@Suite struct ExamplesTests {
  static func run(_ name: String) throws -> CLIResult {
    try CLI.run([], executable: CLI.binary.deletingLastPathComponent().appendingPathComponent(name).path)
  }

  @Test func quickstartWritesHoldsListsAndReads() throws {
    let result = try Self.run("quickstart")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("held Dr. Hale"))
    #expect(result.stdout.contains("Dear Dr. Hale, …"))
  }

  @Test func coolingOffRefusesEarlyAndInQuietHoursThenReleasesAfterTheReRead() throws {
    let result = try Self.run("cooling-off")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let expected = [
      "2027-01-15T23:00:00Z  wrote letter ",
      "2027-01-15T23:00:00Z  asked to send it: cooling off until 2027-01-16T23:00:00Z",
      "                      the earliest it can go is 2027-01-17T07:00:00Z (after quiet hours)",
      "2027-01-16T00:00:00Z  tried to send: refused — This letter is cooling off until 2027-01-17T07:00:00Z",
      "2027-01-16T23:01:00Z  tried to send: refused — It is quiet hours now, so this letter waits until 2027-01-17T07:00:00Z",
      "2027-01-17T07:15:00Z  re-read it (fingerprint ",
      "2027-01-17T07:15:00Z  released: the letter is now sent",
    ]
    #expect(lines.count == expected.count, "\(result.stdout)")
    for (line, start) in zip(lines, expected) {
      #expect(line.hasPrefix(start), "\(line)")
    }
  }

  @Test func exportWritesThreeFormatsAndTheJSONImportsIntoASecondVault() throws {
    let result = try Self.run("export")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.hasPrefix("wrote 3 letters\n"))
    for format in ["md", "html", "json"] {
      #expect(result.stdout.contains("exported 3 letters as \(format): "))
    }
    #expect(result.stdout.contains("imported 3 letters into a second vault\n"))
    #expect(result.stdout.contains(" in the second vault: held, to Dr. Hale\n"))
    #expect(result.stdout.hasSuffix("imported again: 0 new, 3 already there\n"))
  }

  /// Each example removes its temporary directory, and its device records go there too.
  @Test(arguments: ["quickstart", "cooling-off", "export"])
  func examplesLeaveNothingBehind(name: String) throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("letters-example-tmp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    // Without the example's own XDG_STATE_HOME, its device record would land here.
    let state = scratch.appendingPathComponent("state")
    let tmp = scratch.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    let result = try CLI.run(
      [], environment: ["TMPDIR": tmp.path + "/", "XDG_STATE_HOME": state.path],
      executable: CLI.binary.deletingLastPathComponent().appendingPathComponent(name).path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: state.path))
  }
}
