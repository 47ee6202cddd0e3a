import Foundation
import Testing

@_spi(Bulk) @testable import LetterVault
@testable import VaultRecords

/// `list`'s lines read in place from the LISTING record (``ListedLetters``) show exactly what
/// the summaries show, from every source: the listing, a letter the listing misses (its META),
/// the RECENT record, a filtered walk and the full scan.
@Suite struct ListedLettersTests {
  /// What one line shows, copied out of what was lent.
  struct Line: Equatable, CustomStringConvertible {
    var id: LetterID, state: LetterState, created: Date, releaseAt: Date?, failed: Bool
    var recipient: String, subject: String
    var description: String { "\(id.short) \(state) \(recipient)|\(subject) \(String(describing: releaseAt))" }

    init(_ letter: ListedLetter) {
      id = letter.id
      state = letter.state
      created = letter.created
      releaseAt = letter.releaseAt
      failed = letter.hasDeliveryError
      recipient = String(decoding: letter.recipient, as: UTF8.self)
      subject = String(decoding: letter.subject, as: UTF8.self)
    }

    init(_ summary: LetterSummary) {
      id = summary.id
      state = summary.state
      created = summary.created
      releaseAt = summary.releaseAt
      failed = !summary.deliveryError.isEmpty
      recipient = summary.recipient
      subject = summary.subject
    }
  }

  /// The letters whose line names when they may go: held, with a release time.
  static func waiting(_ lines: [Line]) -> [LetterID] {
    lines.filter { $0.state == .held && $0.releaseAt != nil }.map(\.id)
  }

  static func lines(_ listed: ListedLetters) -> [Line] {
    var lines: [Line] = []
    listed.forEach { lines.append(Line($0)) }
    #expect(lines.count == listed.count)
    return lines
  }

  /// ListingTests' scene, with letters cooling (a release time in each entry) and words that
  /// are not ASCII in recipient and subject, so every field sits at its own offset.
  static func scene() throws -> (test: TestVault, ids: [LetterID]) {
    let (test, first) = try ListingTests.scene()
    var ids = first
    for (index, name) in ["Dr. Hale", "Zoë Ångström", "Mum"].enumerated() {
      test.clock.advance(3_600)
      ids.append(try Cooling.requested(in: test.vault, to: name, text: "Dear \(name)"))
      if index == 1 { try test.vault.edit(ids[ids.count - 1], subject: "über den Winter ☀") }
    }
    return (test, ids)
  }

  @Test func theLinesInPlaceAreTheSummariesLines() throws {
    let (test, _) = try Self.scene()
    defer { test.remove() }
    let expected = try test.vault.searchDesk.listByScanning().letters.map(Line.init)
    #expect(expected.count == 43)
    #expect(expected.filter { $0.releaseAt != nil }.count == 3)
    #expect(expected.contains { $0.recipient == "Zoë Ångström" && $0.subject == "über den Winter ☀" })
    #expect(Self.lines(try test.vault.listed()) == expected)
    #expect(try test.vault.listed().waiting == Self.waiting(expected))
    for limit in [1, 2, 5, 43, 100] {
      // `-n` up to RECENT's length reads RECENT; longer, the listing.
      #expect(Self.lines(try test.vault.listed(limit: limit)) == Array(expected.prefix(limit)))
    }
    for filter in ListingTests.filters + [LetterFilter(recipient: "zoë ångström")] {
      let summaries = try test.vault.list(filter).letters.map(Line.init)
      #expect(Self.lines(try test.vault.listed(filter)) == summaries)
      #expect(Self.lines(try test.vault.listed(filter, limit: 2)) == Array(summaries.prefix(2)))
    }
    // The summaries a lent listing gives (`list --json` after `list`) are the same letters.
    #expect(try test.vault.listed().listing.letters == (try test.vault.list()).letters)
  }

  @Test func aLetterTheListingMissesAndAVaultWithoutOneListTheSame() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    let expected = try test.vault.searchDesk.listByScanning().letters.map(Line.init)
    let file = try VaultFile(path: test.path)
    // One bucket gone: its letters come from their META rows, lent from their summaries.
    try file.delete(ListingBucket.objectID(bucket: ids[41].bytes[0]), kind: .listing)
    #expect(Self.lines(try test.reopen().listed()) == expected)
    #expect(try test.reopen().listed().waiting == Self.waiting(expected))
    for entry in try file.rows(.listing) { try file.delete(entry.objectID, kind: .listing) }
    #expect(Self.lines(try test.reopen().listed()) == expected)
    #expect(try test.reopen().listed().waiting == Self.waiting(expected))
  }

  @Test func aLetterWhoseMetaIsGoneIsNamedAndNotListed() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    let expected = try test.vault.searchDesk.listByScanning().letters.map(Line.init).filter { $0.id != ids[3] }
    try VaultFile(path: test.path).delete(ids[3].bytes, kind: .meta)
    let listed = try test.reopen().listed()
    #expect(Self.lines(listed) == expected)
    #expect(listed.damaged == [.missingLetter(ids[3])])
  }

  /// The hints a walk gives a few letters ahead (``ListingView/prefetch(_:at:ids:)``) read
  /// nothing and fail on nothing: past either end of the walk, for positions out of range, and
  /// for a letter without a listing entry. Seen crashing (an index out of range) with the
  /// check on the position removed.
  @Test func hintsPastTheEndOrForALetterWithoutAnEntryAreHarmless() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    try VaultFile(path: test.path).delete(ListingBucket.objectID(bucket: ids[41].bytes[0]), kind: .listing)
    let vault = try test.reopen()
    try vault.records.read { tx in
      let manifest = try tx.loadManifestIndex()
      let view = try tx.listingView(manifest)
      #expect(view.misses > 0)
      let walks = [Array(0..<manifest.count), Array((0..<manifest.count).reversed()), [-1, manifest.count, Int.max, 0], []]
      for walk in walks {
        for position in -20..<(walk.count + 20) { view.prefetch(walk, at: position, ids: manifest) }
      }
    }
    #expect(Self.lines(try vault.listed()) == (try vault.searchDesk.listByScanning().letters.map(Line.init)))
  }
}
