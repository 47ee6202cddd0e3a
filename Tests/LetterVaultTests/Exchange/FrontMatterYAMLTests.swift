import Foundation
import LetterVault
import Testing

/// Front matter as Obsidian and other editors write it, read by a YAML parser.
@Suite struct FrontMatterYAMLTests {
  let importer = LetterImporter(timeZone: TimeZone(identifier: "UTC")!)

  func read(_ text: String) throws -> ImportReading {
    try importer.read(
      [ImportSource(name: "note.md", bytes: Array(text.utf8), modified: Date(timeIntervalSince1970: 0))],
      skipUnreadable: false)
  }

  @Test func obsidianBlockListsAliasesAndCssclassesAreReadOrNoted() throws {
    let reading = try read("""
      ---
      title: After Tuesday
      tags:
        - therapy
        - late night
      aliases:
        - tuesday
      cssclasses: [wide]
      created: 2026-05-03 22:14
      ---
      Dear Dr. Hale,

      """)
    let letter = try #require(reading.letters.first)
    #expect(letter.subject == "After Tuesday")
    #expect(letter.tags == ["therapy", "late night"])
    #expect(MailCorpusTests.utc(letter.created) == "2026-05-03T22:14:00Z")
    #expect(letter.body == "Dear Dr. Hale,\n")
    #expect(reading.notes == [ImportNote(file: "note.md", fact: .fieldsIgnored(["aliases", "cssclasses"]))])
  }

  @Test func quotingCommentsAndAByteOrderMarkAreYAMLs() throws {
    let reading = try read("""
      \u{FEFF}---
      to: 'O''Brien'
      subject: "a \\"quoted\\" word"   # written at 3am
      tags: [grief, 'unsent']
      ---
      Text.

      """)
    let letter = try #require(reading.letters.first)
    #expect(letter.recipient == "O'Brien")
    #expect(letter.subject == "a \"quoted\" word")
    #expect(letter.tags == ["grief", "unsent"])
    #expect(letter.body == "Text.\n")
  }

  @Test func brokenYAMLIsNamedWithItsLine() throws {
    let error = #expect(throws: VaultError.self) { try read("---\nto: Mum\ntags: [a, b\n---\nText\n") }
    guard case .importRefused(let problems)? = error else { return }
    #expect(problems.first?.reason.hasPrefix("the front matter is not valid YAML (line ") == true, "\(problems)")
  }
}
