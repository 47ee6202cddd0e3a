import Foundation
import Testing

/// `export` writes each letter as it reads it (docs/PERFORMANCE.md round 4): a file still only
/// appears whole, and a letter found damaged half-way leaves no file and no temporary one.
@Suite struct ExportStreamingCLITests {
  @Test func aDamagedLetterHalfWayLeavesNoFileBehind() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    _ = try cli.write("first\n")
    let damaged = try cli.write("second\n")
    _ = try cli.write("third\n")
    try VaultFile(path: cli.vault).flipByte(.body, of: Bytes.hex(damaged))
    let output = cli.directory.appendingPathComponent("letters.md").path
    let before = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).sorted()
    for format in ["md", "json", "txt", "html", "eml"] {
      let path = output + "." + (format == "eml" ? "mbox" : format)
      let result = try cli.run(["export", "--format", format, "-o", path])
      #expect(result.status == 65, "\(format): \(result.stderr)")
      #expect(result.stderr.contains(String(damaged.prefix(8))), "\(format): \(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: path), "\(format)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).sorted() == before, "no temporary file is left")
  }

  /// One damaged letter must not keep the others from being saved (found at a real terminal:
  /// every export, backup and search stopped at it). With --skip-damaged every readable letter
  /// is written, whole and valid, the damaged one is named, and the exit is 65.
  @Test func skipDamagedExportsEveryReadableLetterAndNamesTheRest() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    for number in 0..<30 { _ = try cli.write("letter \(number) kept\n") }
    let damaged = try cli.write("the damaged one\n")
    for number in 30..<60 { _ = try cli.write("letter \(number) kept\n") }
    try VaultFile(path: cli.vault).flipByte(.body, of: Bytes.hex(damaged))
    let before = try cli.vaultBytes()
    for format in ["md", "json"] {
      let path = cli.directory.appendingPathComponent("kept.\(format)").path
      let result = try cli.run(["export", "--format", format, "-o", path, "--skip-damaged"])
      #expect(result.status == 65, "\(format): \(result.stderr)")
      #expect(result.stderr.contains("exported 60 letters to \(path)"), "\(format): \(result.stderr)")
      #expect(result.stderr.contains(String(damaged.prefix(8))), "\(format): \(result.stderr)")
      let text = try String(contentsOfFile: path, encoding: .utf8)
      for number in 0..<60 { #expect(text.contains("letter \(number) kept"), "\(format) \(number)") }
      #expect(!text.contains("the damaged one"))
      if format == "json" {
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect((parsed?["letters"] as? [Any])?.count == 60)
      }
    }
    let printed = try cli.run(["export", "--format", "md", "--skip-damaged"])
    #expect(printed.status == 65 && printed.stdout.contains("letter 59 kept"))
    #expect(try cli.vaultBytes() == before, "export never changes the vault")
  }

  @Test func aFileFromTheStreamIsTheSameAsStdout() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    for number in 0..<40 { _ = try cli.write("letter \(number) & <more>\n", subject: "n° \(number)") }
    for format in ["md", "json", "txt", "html", "eml"] {
      let path = cli.directory.appendingPathComponent("all.\(format == "eml" ? "mbox" : format)").path
      #expect(try cli.run(["export", "--format", format, "-o", path]).status == 0)
      let printed = try cli.run(["export", "--format", format])
      #expect(printed.status == 0)
      var file = try Data(contentsOf: URL(fileURLWithPath: path))
      var out = printed.stdoutData
      if format == "json" {
        // Only the "exported" time may differ between the two runs.
        file = Data(String(decoding: file, as: UTF8.self).split(separator: "\n").dropFirst(2).joined(separator: "\n").utf8)
        out = Data(String(decoding: out, as: UTF8.self).split(separator: "\n").dropFirst(2).joined(separator: "\n").utf8)
      }
      #expect(file == out, "\(format)")
    }
  }
}
