import Foundation
import LetterVault
import Testing

@Suite struct VaultExportTests {
  @Test func exportingInEveryFormatLeavesTheVaultFileByteForByteUnchanged() throws {
    let fixture = try ExchangeFixture()
    defer { fixture.remove() }
    let before = try fixture.fileBytes()
    for format in ExportFormat.allCases {
      let bundle = try fixture.vault.exportBundle()
      _ = LetterExporter(format: format).render(bundle)
    }
    _ = try fixture.vault.exportBundle(filter: LetterFilter(state: .held))
    #expect(try fixture.fileBytes() == before)
  }

  @Test func idsAndFiltersNarrowTheBundle() throws {
    let fixture = try ExchangeFixture()
    defer { fixture.remove() }
    let all = try fixture.vault.exportBundle()
    #expect(all.letters.count == 3)
    let held = try fixture.vault.exportBundle(filter: LetterFilter(state: .held))
    #expect(held.letters.map(\.letter.summary.recipient) == ["Dr. Hale"])
    let one = try fixture.vault.exportBundle(ids: [all.letters[2].letter.summary.id])
    #expect(one.letters.map(\.letter.summary.id) == [all.letters[2].letter.summary.id])
    #expect(one.letters[0].notes.isEmpty)
    #expect(all.letters[1].notes.map(\.text) == ["Still true a day later."])
  }

  @Test func exportFileIsPrivateAndNeverOverwrittenUnlessAsked() throws {
    let fixture = try ExchangeFixture(empty: true)
    defer { fixture.remove() }
    let path = fixture.directory.appendingPathComponent("copy.txt").path
    try ExportFile.write(Array("first\n".utf8), to: path, replacing: false)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)

    #expect(throws: VaultError.outputExists(path: path)) {
      try ExportFile.write(Array("second\n".utf8), to: path, replacing: false)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")

    try ExportFile.write(Array("third\n".utf8), to: path, replacing: true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "third\n")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path)
      .filter { $0.contains(".tmp.") }
    #expect(leftovers.isEmpty)
  }
}
