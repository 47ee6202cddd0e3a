import Foundation
import LetterVault
import Testing

/// An `.eml` or mbox export imported into another vault keeps what mail has no field for:
/// tags, the review date and notes (`X-Letters-*`, FORMAT.md §19), and a letter to nobody
/// gets no invented recipient.
@Suite struct MailRoundTripTests {
  @Test func tagsReviewDatesAndNotesSurviveAnMboxRoundTrip() throws {
    let source = try ExchangeFixture()
    defer { source.remove() }
    let reviewed = try source.vault.write(LetterDraft(subject: "to look at again", tags: ["ünï ☕", "late"], text: "Later.\n"))
    try source.vault.hold(reviewed, reviewOn: ExchangeFixture.start.addingTimeInterval(30 * 86_400))
    try source.vault.addNote(reviewed, text: String(repeating: "A long note over many lines.\n", count: 40))
    let target = try ExchangeFixture(seed: 5, empty: true)
    defer { target.remove() }
    let bundle = try source.vault.exportBundle()
    let mbox = LetterExporter(format: .eml, timeZone: ExchangeFixture.berlin).render(bundle)
    let letters = try LetterImporter().read([ImportSource(name: "all.mbox", bytes: mbox, modified: Date())])
    _ = try target.vault.importLetters(letters)
    let copy = try target.vault.exportBundle()
    #expect(copy.letters.map(\.letter.summary.tags) == bundle.letters.map(\.letter.summary.tags))
    #expect(copy.letters.map(\.letter.summary.reviewOn) == bundle.letters.map(\.letter.summary.reviewOn))
    #expect(copy.letters.map { $0.notes.map(\.text) } == bundle.letters.map { $0.notes.map(\.text) })
    #expect(copy.letters.map { $0.notes.map(\.date) } == bundle.letters.map { $0.notes.map(\.date) })
  }

  @Test func aLetterToNobodyHasNoToLineAndComesBackToNobody() throws {
    let source = try ExchangeFixture(empty: true)
    defer { source.remove() }
    _ = try source.vault.write(LetterDraft(text: "To nobody in particular.\n"))
    let eml = LetterExporter(format: .eml, timeZone: ExchangeFixture.berlin).render(try source.vault.exportBundle())
    let text = String(decoding: eml, as: UTF8.self)
    #expect(!text.contains("\r\nTo:"))
    #expect(!text.contains("undisclosed-recipients"))
    let letter = try #require(try LetterImporter().read([ImportSource(name: "one.eml", bytes: eml, modified: Date())]).first)
    #expect(letter.recipient == "")
    #expect(letter.body == "To nobody in particular.\n")
  }
}
