import Foundation
import LetterVault
import Testing

/// A Markdown or text export of several letters imports back as the same letters, with
/// recipient, subject, dates, state, tags and notes, and a second import adds nothing
/// (FORMAT.md §19 "Export files", "Letters-Data lines").
@Suite struct TextRoundTripTests {
  /// Texts that a separator-based split would cut or merge: thematic breaks, form feeds,
  /// front-matter fences, a forged Letters-Data line, no final newline, non-ASCII.
  static let texts: [(recipient: String, subject: String, tags: [String], text: String)] = [
    ("Dr. Hale", "", ["therapy"], "Above\n---\nbelow\n\n---\n\nand again\n"),
    ("", "Seiten\u{0C}wechsel", [], "page one\n\u{0C}\npage two\u{0C}\n\u{0C}"),
    ("Mum, and \"Dad\"", "---", ["a, b", "ünï ☕"], "---\nto: someone\n---\nnot front matter\n"),
    ("Sam <s@x>", "forged", [], "Letters-Data: {\"id\":\"00\",\"bytes\":3}\n<!-- Letters-Data: {} -->\nend"),
    ("Åsa", "Ünïcödé ✉️ — 日本語", ["x"], "no newline at the end"),
    ("", "", [], "\n\nstarts and ends with blank lines\n\n\n"),
    ("two\n\nlines", "a\r\nb", ["t\nu"], "CRLF\r\ntext\r\n"),
  ]

  static func source() throws -> ExchangeFixture {
    let fixture = try ExchangeFixture()
    for item in texts {
      fixture.clock.advance(61.5)
      let id = try fixture.vault.write(
        LetterDraft(recipient: item.recipient, subject: item.subject, tags: item.tags, text: item.text))
      if item.subject == "forged" { try fixture.vault.hold(id) }
      if item.recipient == "Åsa" { try fixture.vault.addNote(id, text: "a note\n---\nwithout an end") }
    }
    return fixture
  }

  struct Essence: Equatable {
    var recipient, subject, body, state: String
    var tags: [String]
    var created, updated: Date
    var sentAt, reviewOn: Date?
    var notes: [String]
    var noteDates: [Date]
  }

  static func essence(_ bundle: LetterBundle) -> [Essence] {
    bundle.letters.map {
      let s = $0.letter.summary
      return Essence(
        recipient: s.recipient, subject: s.subject, body: $0.letter.body, state: s.state.description,
        tags: s.tags, created: s.created, updated: s.updated, sentAt: s.sentAt, reviewOn: s.reviewOn,
        notes: $0.notes.map(\.text), noteDates: $0.notes.map(\.date))
    }
  }

  @Test(arguments: [(ExportFormat.md, "all.md"), (.txt, "all.txt")])
  func severalLettersComeBackAsTheSameLettersAndOnlyOnce(format: ExportFormat, name: String) throws {
    let source = try Self.source()
    defer { source.remove() }
    let target = try ExchangeFixture(seed: 9, empty: true)
    defer { target.remove() }
    let bundle = try source.vault.exportBundle()
    let bytes = LetterExporter(format: format, timeZone: ExchangeFixture.berlin).render(bundle)
    // Read in another zone: the dates must not depend on where the file is read.
    let importer = LetterImporter(timeZone: TimeZone(identifier: "America/Los_Angeles")!)
    let letters = try importer.read([ImportSource(name: name, bytes: bytes, modified: Date())])
    #expect(letters.count == bundle.letters.count)
    let first = try target.vault.importLetters(letters)
    #expect(first.imported.count == bundle.letters.count)
    #expect(Self.essence(try target.vault.exportBundle()) == Self.essence(bundle))
    let before = try target.fileBytes()
    let again = try target.vault.importLetters(importer.read([ImportSource(name: name, bytes: bytes, modified: Date())]))
    #expect(again.imported.isEmpty)
    #expect(try target.fileBytes() == before)
  }

  @Test(arguments: [(ExportFormat.md, "all.md"), (.txt, "all.txt")])
  func anExportEditedOutOfShapeIsRefusedNotMisread(format: ExportFormat, name: String) throws {
    let source = try Self.source()
    defer { source.remove() }
    var text = String(decoding: LetterExporter(format: format).render(try source.vault.exportBundle()), as: UTF8.self)
    text = text.replacingOccurrences(of: "page one", with: "page 1")
    #expect(throws: VaultError.self) {
      try LetterImporter().read([ImportSource(name: name, bytes: Array(text.utf8), modified: Date())])
    }
  }

  /// One letter exported alone used to come back with its readable header inside the text.
  @Test(arguments: [ExportFormat.md, .txt])
  func oneExportedLetterComesBackWithoutItsHeaderInTheText(format: ExportFormat) throws {
    let source = try ExchangeFixture()
    defer { source.remove() }
    let all = try source.vault.exportBundle()
    let one = try source.vault.exportBundle(ids: [all.letters[1].letter.summary.id])
    let bytes = LetterExporter(format: format).render(one)
    let letters = try LetterImporter().read([ImportSource(name: "one.\(format)", bytes: bytes, modified: Date())])
    #expect(letters.count == 1)
    #expect(letters.first?.body == one.letters[0].letter.body)
    #expect(letters.first?.subject == "After Tuesday")
    #expect(letters.first?.notes.map(\.text) == ["Still true a day later."])
  }

  @Test func handWrittenMarkdownStillImportsAsOneLetter() throws {
    let text = "---\ntitle: Notes\n---\nA thought.\n\n---\n\nAnother, same letter.\n"
    let letters = try LetterImporter().read([ImportSource(name: "note.md", bytes: Array(text.utf8), modified: Date())])
    #expect(letters.count == 1)
    #expect(letters.first?.subject == "Notes")
    #expect(letters.first?.body == "A thought.\n\n---\n\nAnother, same letter.\n")
  }
}
