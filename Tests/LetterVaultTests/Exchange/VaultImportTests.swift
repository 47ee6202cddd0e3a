import Foundation
import LetterVault
import Testing

@Suite struct VaultImportTests {
  /// Everything a letter is, except what a new vault necessarily gives it anew: the
  /// fingerprint (keyed by the letter's own key) and the revision count (an import is
  /// revision 1).
  struct Essence: Equatable {
    let id: LetterID
    let state: LetterState
    let recipient, subject: String
    let tags: [String]
    let created, updated, lastEdited: Date
    let sentAt: Date?
    var sentHow: String
    let reviewOn: Date?
    let body: String
    let notes: [LetterNote]

    init(_ exported: ExportedLetter) {
      let summary = exported.letter.summary
      id = summary.id
      state = summary.state
      recipient = summary.recipient
      subject = summary.subject
      tags = summary.tags
      created = summary.created
      updated = summary.updated
      lastEdited = summary.lastEdited
      sentAt = summary.sentAt
      sentHow = summary.sentHow
      reviewOn = summary.reviewOn
      body = exported.letter.body
      notes = exported.notes
    }

    private init(_ other: Essence, sentHow: String) {
      self = other
      self.sentHow = sentHow
    }

    /// The same letter as an import records it: a sent one is "imported".
    var imported: Essence { state == .sent ? Essence(self, sentHow: "imported") : self }
  }

  @Test func aJSONExportImportedIntoAnotherVaultReproducesEveryLetter() throws {
    let source = try ExchangeFixture()
    defer { source.remove() }
    let target = try ExchangeFixture(seed: 99, empty: true)
    defer { target.remove() }
    let original = try source.vault.exportBundle()
    let json = LetterExporter(format: .json, timeZone: ExchangeFixture.berlin).render(original)

    let letters = try LetterImporter().read([ImportSource(name: "all.json", bytes: json, modified: Date())])
    let summary = try target.vault.importLetters(letters)

    #expect(summary.imported.count == 3)
    #expect(summary.alreadyPresent == 0)
    let copy = try target.vault.exportBundle()
    // A sent letter comes in as "imported", never "delivered" (COOLING-OFF.md "Copies and
    // imports"); everything else is as it was.
    #expect(copy.letters.map(Essence.init) == original.letters.map { Essence($0).imported })
  }

  /// An old sent mail brought in by a letters export that says it was delivered is history
  /// here: "sent (imported)", never "delivered" (COOLING-OFF.md "Copies and imports").
  @Test func aLetterImportedAsDeliveredIsRecordedAsImportedNeverDelivered() throws {
    let fixture = try ExchangeFixture(empty: true)
    defer { fixture.remove() }
    var letter = ImportedLetter(
      recipient: "Dr. Hale", state: .sent, created: Date(timeIntervalSince1970: 1_600_000_000),
      body: "Sent long ago.\n")
    letter.deliveredByMail = true
    let id = try #require(try fixture.vault.importLetters([letter]).imported.first)

    let summary = try fixture.vault.letter(id).summary
    #expect(summary.state == .sent)
    #expect(summary.sentHow == "imported")
    #expect(try fixture.vault.history(id).last?.detail == "imported")
    let exported = try fixture.vault.exportBundle()
    let json = String(decoding: LetterExporter(format: .json, timeZone: ExchangeFixture.berlin).render(exported), as: UTF8.self)
    #expect(json.contains("\"sentHow\" : \"imported\""), "\(json)")
    #expect(!json.contains("delivered"))
  }

  @Test func importingTheSameFilesAgainAddsNothingAndWritesNothing() throws {
    let fixture = try ExchangeFixture(empty: true)
    defer { fixture.remove() }
    let sources = try ["front-matter.md", "plain.txt", "jrnl.json", "multipart.eml"].map {
      ImportSource(name: $0, bytes: try Golden.load("import/\($0)"), modified: Date(timeIntervalSince1970: 1_700_000_000))
    }
    let letters = try LetterImporter(timeZone: ExchangeFixture.berlin).read(sources)
    let first = try fixture.vault.importLetters(letters)
    #expect(first.imported.count == 7)
    let before = try fixture.fileBytes()

    let second = try fixture.vault.importLetters(letters)

    #expect(second.imported.isEmpty)
    #expect(second.alreadyPresent == 7)
    #expect(try fixture.fileBytes() == before)
    #expect(try fixture.vault.list().letters.count == 7)
  }

  @Test func anEditedImportIsStillRecognisedAsAlreadyHere() throws {
    let fixture = try ExchangeFixture(empty: true)
    defer { fixture.remove() }
    let letter = ImportedLetter(recipient: "Dr. Hale", created: ExchangeFixture.start, body: "First words.\n")
    let id = try #require(try fixture.vault.importLetters([letter]).imported.first)
    try fixture.vault.edit(id, body: Array("Other words now.\n".utf8))

    let again = try fixture.vault.importLetters([letter])

    #expect(again.alreadyPresent == 1)
    #expect(try fixture.vault.list().letters.count == 1)
  }

  @Test func theSameTextTwiceInOneImportIsKeptOnce() throws {
    let fixture = try ExchangeFixture(empty: true)
    defer { fixture.remove() }
    let letter = ImportedLetter(created: ExchangeFixture.start, body: "Twice.\n")
    let summary = try fixture.vault.importLetters([letter, letter])
    #expect(summary.imported.count == 1)
    #expect(summary.alreadyPresent == 1)
  }

  @Test func anImportThatFailsValidationLeavesTheVaultByteForByteUnchanged() throws {
    let fixture = try ExchangeFixture()
    defer { fixture.remove() }
    let before = try fixture.fileBytes()
    let good = ImportedLetter(created: ExchangeFixture.start, body: "Fine.\n")
    let bad = ImportedLetter(tags: Array(repeating: "t", count: 65), created: ExchangeFixture.start, body: "Too many tags.\n")
    #expect(throws: VaultError.invalidInput(.tooManyTags(maximum: 64))) {
      try fixture.vault.importLetters([good, bad])
    }
    #expect(try fixture.fileBytes() == before)
  }

  @Test func importedLettersKeepTheirDatesStateAndHistory() throws {
    let fixture = try ExchangeFixture(empty: true)
    defer { fixture.remove() }
    let created = Date(timeIntervalSince1970: 1_600_000_000)
    var letter = ImportedLetter(recipient: "Mum", state: .sent, created: created, body: "Sent long ago.\n")
    letter.sentAt = created.addingTimeInterval(3600)
    letter.notes = [.init(date: created.addingTimeInterval(7200), text: "She replied.")]
    let id = try #require(try fixture.vault.importLetters([letter]).imported.first)

    let summary = try fixture.vault.letter(id).summary
    #expect(summary.state == .sent)
    #expect(summary.created == created)
    #expect(summary.sentAt == created.addingTimeInterval(3600))
    #expect(summary.sentHow == "imported")
    #expect(try fixture.vault.notes(id).map(\.text) == ["She replied."])
    #expect(try fixture.vault.history(id).map(\.kind) == [.created, .sent, .noted])
    #expect(try fixture.vault.verify().isEmpty)
  }

  @Test func anMboxExportImportsBackAsTheSameLetters() throws {
    let source = try ExchangeFixture()
    defer { source.remove() }
    let target = try ExchangeFixture(seed: 5, empty: true)
    defer { target.remove() }
    let bundle = try source.vault.exportBundle()
    let mbox = LetterExporter(format: .eml, timeZone: ExchangeFixture.berlin).render(bundle)
    let letters = try LetterImporter().read([ImportSource(name: "all.mbox", bytes: mbox, modified: Date())])

    #expect(try source.vault.importLetters(letters).alreadyPresent == 3)
    _ = try target.vault.importLetters(letters)
    let copy = try target.vault.exportBundle()
    #expect(copy.letters.map(\.letter.body) == bundle.letters.map(\.letter.body))
    #expect(copy.letters.map(\.letter.summary.subject) == bundle.letters.map(\.letter.summary.subject))
    #expect(copy.letters.map(\.letter.summary.recipient) == bundle.letters.map(\.letter.summary.recipient))
    #expect(copy.letters.map(\.letter.summary.state) == bundle.letters.map(\.letter.summary.state))
  }

  @Test func aBurnedLetterIsNotBroughtBackByImportingItAgain() throws {
    let fixture = try ExchangeFixture(empty: true)
    defer { fixture.remove() }
    let letter = ImportedLetter(recipient: "Dr. Hale", created: ExchangeFixture.start, body: "Burn this.\n")
    let keep = ImportedLetter(recipient: "Dr. Hale", created: ExchangeFixture.start, body: "Keep this.\n")
    let id = try #require(try fixture.vault.importLetters([letter, keep]).imported.first)
    let vault = try Vault.open(at: fixture.path, passphrase: fixture.passphrase, clock: fixture.clock)
    _ = try vault.burn(id)

    let again = try vault.importLetters([letter, keep])

    #expect(again.imported.isEmpty)
    #expect(again.burned == 1)
    #expect(again.alreadyPresent == 1)
    #expect(try vault.list().letters.map(\.id) != [id])
    #expect(try vault.list().letters.count == 1)
  }
}
