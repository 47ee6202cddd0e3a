import Foundation
import LetterVault
import Testing

/// Whole mailboxes, old dates and odd MIME (FORMAT.md §19 "Import files").
@Suite struct MailboxImportTests {
  static let modified = Date(timeIntervalSince1970: 1_700_000_000)
  let importer = LetterImporter(timeZone: TimeZone(identifier: "UTC")!)

  static func message(date: String, subject: String = "hello", body: String = "Dear you,\n") -> String {
    "From: me@example.org\nTo: Mum <mum@example.org>\nSubject: \(subject)\nDate: \(date)\n\n\(body)"
  }

  func letter(_ text: String, name: String = "a.eml") throws -> ImportReading {
    try importer.read([ImportSource(name: name, bytes: Array(text.utf8), modified: Self.modified)], skipUnreadable: false)
  }

  static func utc(_ date: Date) -> String { MailCorpusTests.utc(date) }

  @Test(arguments: [
    ("21 Nov 97 09:55:06 GMT", "1997-11-21T09:55:06Z"),
    ("Sun, 3 May 49 22:14:00 +0200", "2049-05-03T20:14:00Z"),
    ("Mon, 3 May 50 22:14:00 +0000", "1950-05-03T22:14:00Z"),
    ("3 May 102 10:00 -0000", "2002-05-03T10:00:00Z"),
    ("Sat, 03 May 2026 22:14:00 CEST", "2026-05-03T20:14:00Z"),
    ("Sat, 03 May 2026 22:14:00 MSK", "2026-05-03T19:14:00Z"),
    ("Sat, 03 May 2026 22:14:00 EDT", "2026-05-04T02:14:00Z"),
    ("Sat, 03 May 2026 22:14 +0530 (IST)", "2026-05-03T16:44:00Z"),
    ("21-Nov-1997 09:55:06 +0100", "1997-11-21T08:55:06Z"),
  ])
  func mailDatesAreReadAsMailClientsReadThem(raw: String, utc: String) throws {
    let reading = try letter(Self.message(date: raw))
    let letter = try #require(reading.letters.first)
    #expect(Self.utc(letter.created) == utc)
    #expect(letter.datedBySource)
    #expect(reading.notes.isEmpty)
  }

  @Test func anUnknownZoneIsReadAsUTCWithANote() throws {
    let reading = try letter(Self.message(date: "Sat, 03 May 2026 22:14:00 XYZT"))
    #expect(Self.utc(try #require(reading.letters.first).created) == "2026-05-03T22:14:00Z")
    #expect(reading.notes == [ImportNote(file: "a.eml", fact: .zoneUnknown("XYZT"))])
  }

  @Test func anUnreadableDateKeepsTheMessageWithTheFileTimeAndSaysSo() throws {
    let reading = try letter(Self.message(date: "the day after the party"))
    let letter = try #require(reading.letters.first)
    #expect(letter.created == Self.modified)
    #expect(!letter.datedBySource)
    #expect(reading.notes == [ImportNote(file: "a.eml", fact: .dateUnreadable(raw: "the day after the party", used: .fileTime))])
  }

  @Test func inAMailboxAnUnreadableDateTakesTheFromLineDate() throws {
    let mbox = "From me@example.org Sat Nov 22 10:00:00 2025\n" + Self.message(date: "soon", subject: "one")
      + "\nFrom me@example.org Sun Nov 23 11:00:00 2025\n" + Self.message(date: "21 Nov 97 09:55:06 GMT", subject: "two")
    let reading = try letter(mbox, name: "Drafts")
    #expect(reading.letters.map { Self.utc($0.created) } == ["2025-11-22T10:00:00Z", "1997-11-21T09:55:06Z"])
    #expect(reading.notes == [
      ImportNote(
        file: "Drafts", message: MessagePlace(number: 1, subject: "one", date: "soon"),
        fact: .dateUnreadable(raw: "soon", used: .mailboxLine))
    ])
  }

  @Test func aBoundaryInRFC2231FormIsFound() throws {
    let text = """
      From: me@example.org
      Subject: =?koi8-r?B?8NLJ18XU?=
      Date: 21 Nov 97 09:55:06 GMT
      Content-Type: multipart/mixed; boundary*0="outer-"; boundary*1*=%62%31

      --outer-b1
      Content-Type: text/plain; charset*=koi8-r'ru'

      \u{0}
      --outer-b1--

      """.replacingOccurrences(of: "\u{0}", with: "just text")
    let letter = try #require(try letter(text).letters.first)
    #expect(letter.body == "just text")
    #expect(letter.subject == "Привет")
  }

  @Test func anUnknownCharsetIsNamed() throws {
    let text = "Subject: x\nContent-Type: text/plain; charset=x-martian\n\nzzz\n"
    let error = #expect(throws: VaultError.self) { try letter(text) }
    guard case .importRefused(let problems)? = error else { return }
    #expect(problems.first?.reason == "its text is in the character set “x-martian”, which this system cannot convert")
  }

  @Test func bytesThatAreNotValidInTheirCharsetAreRefusedNotGuessed() throws {
    let text = "Subject: x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n/w==\n"
    let error = #expect(throws: VaultError.self) { try letter(text) }
    guard case .importRefused(let problems)? = error else { return }
    #expect(problems.first?.reason == "its text is not valid utf-8")
  }

  @Test func aForwardOnlyMessageIsNotCalledHTML() throws {
    let text = """
      Subject: fwd
      Content-Type: multipart/mixed; boundary=b

      --b
      Content-Type: message/rfc822

      Subject: inner

      inner text
      --b--

      """
    let error = #expect(throws: VaultError.self) { try letter(text) }
    guard case .importRefused(let problems)? = error else { return }
    #expect(problems.first?.reason.hasPrefix("the message only carries other messages") == true)
  }

  @Test func aHeaderProblemInsideAPartDoesNotBlameLineOneOfTheFile() throws {
    let text = "Subject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\nnot a header line\n--b--\n"
    let letter = try #require(try letter(text).letters.first)
    #expect(letter.body == "not a header line")
  }

  @Test func deeplyNestedMultipartsAreReadInOnePass() throws {
    // Deep enough to overflow the stack of a recursive walk (the 4 MB benchmark message did).
    let depth = 40_000
    var text = "Subject: deep\n"
    for level in 0..<depth {
      text += "Content-Type: multipart/mixed; boundary=\"l\(level)\"\n\n--l\(level)\n"
    }
    text += "Content-Type: text/plain\n\nthe bottom\n"
    for level in (0..<depth).reversed() { text += "--l\(level)--\n" }
    let letter = try #require(try letter(text).letters.first)
    #expect(letter.body == "the bottom")
  }
}
