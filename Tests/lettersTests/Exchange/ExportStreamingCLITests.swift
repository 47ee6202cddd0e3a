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
