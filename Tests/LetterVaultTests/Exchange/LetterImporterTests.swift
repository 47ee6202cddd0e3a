import Foundation
@testable import LetterVault
import Testing

@Suite struct LetterImporterTests {
  static let zone = TimeZone(identifier: "Europe/Berlin")!
  static let modified = Date(timeIntervalSince1970: 1_700_000_000)
  let importer = LetterImporter(timeZone: zone)

  static func source(_ name: String) throws -> ImportSource {
    ImportSource(name: name, bytes: try Golden.load("import/\(name)"), modified: modified)
  }

  static func date(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    return formatter.date(from: text)!
  }

  @Test func frontMatterGivesRecipientSubjectDateStateAndTags() throws {
    let letters = try importer.read([try Self.source("front-matter.md")])
    let letter = try #require(letters.first)
    #expect(letter.recipient == "Dr. Hale")
    #expect(letter.subject == "After Tuesday")
    #expect(letter.state == .draft)
    #expect(letter.tags == ["therapy", "late night"])
    #expect(letter.created == Self.date("2026-05-03T20:14:00Z"))
    #expect(letter.datedBySource)
    #expect(letter.body == "Dear Dr. Hale,\n\nI kept thinking about it.\n")
  }

  @Test func aPlainTextFileIsHeldAndDatedByItsModificationTime() throws {
    let letter = try #require(try importer.read([try Self.source("plain.txt")]).first)
    #expect(letter.body == "Just words, no front matter.\nSecond line.\n")
    #expect(letter.state == .held)
    #expect(letter.created == Self.modified)
    #expect(!letter.datedBySource)
  }

  @Test func aSentLetterWithWindowsLineEndsKeepsItsTextExactly() throws {
    let letter = try #require(try importer.read([try Self.source("sent-crlf.txt")]).first)
    #expect(letter.state == .sent)
    #expect(letter.sentAt == Self.date("2025-03-03T08:00:00Z"))
    #expect(letter.body == "Dear Mum,\r\nwindows line ends here.\r\n")
  }

  @Test func emlHeadersAreDecodedAndTheLatin1QuotedPrintableBodyToo() throws {
    let letter = try #require(try importer.read([try Self.source("latin1-qp.eml")]).first)
    #expect(letter.recipient == "Frédéric")
    #expect(letter.subject == "café ☕ and more")
    #expect(letter.created == Self.date("2026-05-03T20:14:00Z"))
    #expect(letter.body == "Chère Frédéric,\nune ligne très longue qui continue sur la suivante.\n")
    #expect(letter.state == .held)
  }

  @Test func theTextPartOfAMultipartMessageIsTaken() throws {
    let letter = try #require(try importer.read([try Self.source("multipart.eml")]).first)
    #expect(letter.recipient == "Sam")
    #expect(letter.body == "Dear Sam,\nthe text part.\n")
  }

  @Test func aMessageMarkedUnsentIsADraft() throws {
    let letter = try #require(try importer.read([try Self.source("unsent.eml")]).first)
    #expect(letter.state == .draft)
    #expect(letter.body == "A draft from the mail client.\n")
  }

  @Test func jrnlExportsBecomeHeldLettersWithTheirTimes() throws {
    let letters = try importer.read([try Self.source("jrnl.json")])
    #expect(letters.count == 4)
    #expect(letters[0].subject == "Couldn't sleep.")
    #expect(letters[0].body == "Couldn't sleep. I wrote to @hale again in my head, three pages.")
    #expect(letters[0].tags == ["hale"])  // jrnl writes "@hale"; the tag is "hale"
    #expect(letters[0].created == Self.date("2026-05-01T19:30:00Z"))
    #expect(letters[2].tags == ["starred"])
    #expect(letters[2].body == "Wrote the letter. Did not send it. Ünïcode too.")
    #expect(letters[3].body == "Just a title line")
    #expect(letters.allSatisfy { $0.state == .held && $0.datedBySource })
  }

  @Test(arguments: [
    ("broken-no-closing.md", "the front matter that starts on line 1 has no closing ---"),
    ("broken-bad-date.md", "line 2: “last tuesday-ish” is not a date"),
    ("broken-invalid-utf8.txt", "the file is not valid UTF-8 text"),
    ("broken-truncated.json", "the file is not valid JSON (perhaps it was cut off)"),
    ("broken-no-body.eml", "the message has no body"),
    ("broken-html-only.eml", "the message has no plain-text part"),
  ])
  func aBrokenFileIsNamedWithItsReason(file: String, reason: String) throws {
    let error = #expect(throws: VaultError.self) {
      try importer.read([try Self.source("plain.txt"), try Self.source(file)])
    }
    guard case .importRefused(let problems)? = error else {
      Issue.record("expected importRefused, got \(String(describing: error))")
      return
    }
    #expect(problems.count == 1)
    #expect(problems.first?.file == file)
    #expect(problems.first?.reason.hasPrefix(reason) == true, "\(problems.first?.reason ?? "")")
  }

  @Test func everyBrokenFileIsListedNotJustTheFirst() throws {
    let names = ["broken-no-closing.md", "plain.txt", "broken-no-body.eml", "broken-truncated.json"]
    let error = #expect(throws: VaultError.self) { try importer.read(try names.map(Self.source)) }
    guard case .importRefused(let problems)? = error else { return }
    #expect(problems.map(\.file) == ["broken-no-closing.md", "broken-no-body.eml", "broken-truncated.json"])
    #expect(problems.count == 3)
  }

  @Test func anUnknownKindOfFileIsRefused() throws {
    let source = ImportSource(name: "letter.docx", bytes: [0x50, 0x4B], modified: Self.modified)
    #expect(throws: VaultError.importRefused([
      ImportProblem(
        file: "letter.docx",
        reason: "letters can import text (.txt, .md), mail (.eml, mbox, Maildir) and .json files, and this is none of them")
    ])) { try importer.read([source]) }
  }
}

/// A date with a fraction of dozens of digits made ICU's date parser divide by zero (SIGFPE):
/// found by the `importers` fuzz target in round 7 (Fixtures/import/broken-long-fraction.md,
/// replayed by every fuzz run from Fuzz/Corpus/importers). Dates are now refused before any formatter sees more than nine
/// digits in a row. Seen failing: this suite's process died with SIGFPE before the fix.
@Suite struct ImportDateDigitsTests {
  static let long = "2026-05-03T22:14:00." + String(repeating: "7", count: 40) + "+02:00"

  @Test(arguments: [
    long, "2026-05-03T22:14:00." + String(repeating: "0", count: 70) + "Z",
    "20260000000000-05-03T22:14:00Z", "2026-05-03 22:14:00." + String(repeating: "9", count: 35),
  ])
  func aDateWithAnEndlessRunOfDigitsIsRefusedNotACrash(text: String) {
    #expect(ImportDates(timeZone: TimeZone(identifier: "UTC")!).parse(text) == nil)
    #expect(ExportDates(timeZone: TimeZone(identifier: "UTC")!).parseISO(text) == nil)
  }

  @Test func nineDigitsOfAFractionAreStillRead() throws {
    let dates = ImportDates(timeZone: TimeZone(identifier: "UTC")!)
    let date = try #require(dates.parse("2026-05-03T22:14:00.123456789+02:00"))
    #expect(abs(date.timeIntervalSince1970 - 1_777_839_240.123) < 0.001)
    #expect(dates.parse("2026-05-03T22:14:00.123Z") != nil)
    #expect(dates.parse("2026-05-03 22:14") != nil)
  }

  @Test func theFuzzersFileIsRefusedByName() throws {
    let source = ImportSource(
      name: "broken-long-fraction.md", bytes: try Golden.load("import/broken-long-fraction.md"), modified: Date())
    #expect(throws: VaultError.self) { try LetterImporter(timeZone: TimeZone(identifier: "UTC")!).read([source]) }
  }
}
