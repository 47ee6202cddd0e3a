import Foundation
import LetterVault
import Testing

@Suite struct MailMessageTests {
  static let bodies: [String] = [
    "a", "a\n", "two\nlines\n", "trailing space \nand tab\t\n", "= sign =3D already\n",
    "From the start\n", ">From quoted\n>>From twice\n", ".\n..\n", "line\n\n\n",
    String(repeating: "long line ", count: 30) + "\n",
    String(repeating: "ü✉️", count: 40), "Windows\r\nline ends\r\n", "lone\rcarriage return",
    "\u{0}\u{7} controls\n", "ends with space ",
  ]

  static func roundTrip(_ message: MailMessage, lineEnding: String) throws -> ImportedLetter {
    let bytes = message.rendered(lineEnding: lineEnding, timeZone: TimeZone(identifier: "UTC")!)
    let letters = try LetterImporter().read([ImportSource(name: "m.eml", bytes: bytes, modified: Date())])
    return try #require(letters.first)
  }

  static func message(body: String, subject: String = "Hello", name: String = "Dr. Hale") -> MailMessage {
    MailMessage(
      from: MailAddress(name: "", address: "me@example.org"),
      to: MailAddress(name: name, address: "hale@example.org"), subject: subject,
      date: Date(timeIntervalSince1970: 1_777_839_240), messageID: "x@example.org", body: body)
  }

  @Test(arguments: bodies)
  func theBodyDecodesToExactlyTheLetterWithEitherLineEnding(body: String) throws {
    // The importer refuses text that is only whitespace, so a marker keeps every case readable.
    let text = body + "·"
    #expect(try Self.roundTrip(Self.message(body: text), lineEnding: "\r\n").body == text)
    #expect(try Self.roundTrip(Self.message(body: text), lineEnding: "\n").body == text)
  }

  @Test func encodedLinesStayWithinSeventySixCharacters() {
    let bytes = Self.message(body: String(repeating: "ü", count: 500)).rendered(lineEnding: "\n")
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
    #expect(lines.allSatisfy { $0.utf8.count <= 76 })
  }

  @Test(arguments: ["Grüße aus Köln", "A very long subject " + String(repeating: "é", count: 80), "plain ascii"])
  func subjectsAndNamesSurviveRFC2047(subject: String) throws {
    let letter = try Self.roundTrip(Self.message(body: "x\n", subject: subject, name: "Zoë \"Z\" Ånd"), lineEnding: "\r\n")
    #expect(letter.subject == subject)
    #expect(letter.recipient == "Zoë \"Z\" Ånd")
  }

  @Test func aLineBreakInASubjectOrNameCannotAddAHeader() {
    let bytes = Self.message(
      body: "x\n", subject: "Hi\r\nBcc: someone@example.org", name: "Eve\nCc: other@example.org"
    ).rendered(lineEnding: "\r\n")
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(!text.contains("\nBcc:"))
    #expect(!text.contains("\nCc:"))
  }

  @Test func theHeadersAreThoseOfAPlainTextMIMEMessage() {
    let text = String(decoding: Self.message(body: "Dear you\n").rendered(lineEnding: "\r\n", timeZone: TimeZone(identifier: "Europe/Berlin")!), as: UTF8.self)
    #expect(text.hasPrefix("From: me@example.org\r\nTo: \"Dr. Hale\" <hale@example.org>\r\nSubject: Hello\r\n"))
    #expect(text.contains("\r\nDate: Sun, 03 May 2026 22:14:00 +0200\r\n"))
    #expect(text.contains("\r\nMessage-ID: <x@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nDear you\r\n"))
  }

  @Test(arguments: [("me@example.org", true), ("a.b+c@mail.example.co.uk", true), ("no-at", false), ("a@b", false), ("a b@c.d", false), ("a@b.c\nBcc: x@y.z", false), ("<a@b.c>", false)])
  func addressesAreCheckedLoosely(address: String, plausible: Bool) {
    #expect(MailAddress.isPlausibleAddress(address) == plausible)
  }
}
