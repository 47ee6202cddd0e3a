import Testing

@testable import LetterVault
@testable import VaultRecords

/// META's sent-in-a-copy block (FORMAT.md §6.1): the `sent_how` bit 0x80, then the release
/// floor (0 too) and the block; a META without it keeps its old bytes.
@Suite struct SentInCopyFormatTests {
  static var sent: LetterMeta {
    var meta = RecordParserTests.meta
    meta.state = .sent
    meta.sentAt = 1_800_000_900_000
    meta.sentHow = 2
    return meta
  }

  @Test func aMetaWithTheBlockReadsBackTheSameWithAndWithoutAFloor() throws {
    for floor: Int64 in [0, 1_800_000_500_000] {
      var meta = Self.sent
      meta.releaseFloor = floor
      meta.sentInCopy = SentInCopy(
        arrivedAt: 1_800_001_000_000, wouldReleaseAt: 1_800_086_400_000, source: "/media/usb/vault.db")
      let bytes = meta.serialized()
      #expect(try LetterMeta(parsing: bytes) == meta)
      let summary = try LetterMeta(parsing: bytes, depth: .summary)
      #expect(summary.arrivedSent && summary.sentHow == 2)
      #expect(ListingSummary(meta: summary) == ListingSummary(meta: meta))
      // Cut short, the block is refused, never read as a META without it.
      #expect((try? LetterMeta(parsing: Array(bytes.dropLast(3)))) == nil)
    }
  }

  @Test func aMetaWithoutTheBlockKeepsItsBytesAndAListingEntryCarriesTheBit() throws {
    let meta = Self.sent
    let bytes = meta.serialized()
    var marked = meta
    marked.sentInCopy = SentInCopy(arrivedAt: 1, wouldReleaseAt: 0, source: "copy.db")
    #expect(marked.serialized().starts(with: bytes.prefix(bytes.count)) == false)
    #expect(try LetterMeta(parsing: bytes).sentInCopy == nil)
    #expect(bytes.count == marked.serialized().count - (8 + 8 + 8 + 2 + 7))

    var writer = ByteWriter()
    ListingSummary(meta: marked).write(to: &writer)
    var reader = ByteReader(writer.bytes)
    let read = try ListingSummary(reading: &reader)
    #expect(read.arrivedSent && read.sentHow == 2)
  }

  @Test func kindElevenIsNeverReadFromStoredEvents() {
    var meta = Self.sent
    meta.events.append(.init(at: 3, kind: .sentElsewhere, revision: 2, detail: ""))
    #expect((try? LetterMeta(parsing: meta.serialized())) == nil)
  }
}
