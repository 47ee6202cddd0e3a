import Testing

@testable import LetterVault
@testable import VaultRecords

/// The plaintext record parsers (FORMAT.md §6): strict lengths, no trailing bytes, and no
/// crash on arbitrary input (SECURITY.md §2 T30).
@Suite struct RecordParserTests {
  static var meta: LetterMeta {
    var meta = LetterMeta(
      state: .held, letterKey: [UInt8](repeating: 4, count: 32), now: 1_800_000_000_000,
      recipient: "Dr. Hale", subject: "Tuesday", tags: ["therapy", "unsent"])
    meta.revisions = [
      .init(number: 1, savedAt: 1, envelopeHash: [UInt8](repeating: 1, count: 32)),
      .init(number: 2, savedAt: 2, envelopeHash: [UInt8](repeating: 2, count: 32)),
    ]
    meta.events = [
      .init(at: 1, kind: .created, revision: 1, detail: ""),
      .init(at: 2, kind: .held, revision: 2, detail: "a detail"),
    ]
    meta.deliveryError = "none"
    meta.noteCount = 1
    return meta
  }

  static var manifest: Manifest {
    let ids = [[UInt8](repeating: 1, count: 16), [UInt8](repeating: 2, count: 16)]
    var entries: [[UInt8]: Manifest.Entry] = [:]
    for (index, id) in ids.enumerated() {
      entries[id] = .init(
        letterID: id, metaVersion: UInt64(index + 1), metaHash: [UInt8](repeating: 9, count: 32))
    }
    return Manifest(
      epoch: 7, writtenAt: 1_800_000_000_000, entries: entries,
      settingsHash: [UInt8](repeating: 3, count: 32))
  }

  /// A format-2 root (FORMAT.md §6.3) naming two buckets.
  static var root: ManifestRoot {
    ManifestRoot(
      epoch: 7, writtenAt: 1_800_000_000_000, settingsHash: [UInt8](repeating: 3, count: 32),
      bucketHashes: [1: [UInt8](repeating: 4, count: 32), 2: [UInt8](repeating: 5, count: 32)])
  }

  /// A format-3 root: the same, pinning a RECENT row (FORMAT.md §6.8).
  static var pinningRoot: ManifestRoot {
    var root = root
    root.recentHash = [UInt8](repeating: 6, count: 32)
    return root
  }

  /// A RECENT record (FORMAT.md §6.8) with two entries, newest first.
  static var recent: RecentListing {
    RecentListing(
      complete: false,
      entries: [9, 2].map {
        ListingEntry(
          letterID: [UInt8](repeating: $0, count: 16), metaVersion: UInt64($0),
          metaHash: [UInt8](repeating: 9, count: 32), meta: meta)
      })
  }

  /// A manifest bucket (FORMAT.md §6.3) with two entries.
  static var manifestBucket: ManifestBucket {
    ManifestBucket(
      bucket: 1,
      entries: [0, 9].map {
        .init(
          letterID: [1] + [UInt8](repeating: $0, count: 15), metaVersion: UInt64($0) + 1,
          metaHash: [UInt8](repeating: 9, count: 32))
      })
  }

  static var settings: VaultSettings {
    var settings = VaultSettings(timeZoneIdentifier: "Europe/Berlin")
    settings.recipients = [.init(name: "Dr. Hale", email: "hale@example.org", coolingOffSeconds: 3600)]
    settings.lastUnlockAt = 5
    settings.unlockCount = 6
    return settings
  }

  /// Each parser, as a "does it accept these bytes" function, with a valid input.
  static var parsers: [(name: String, valid: [UInt8], accepts: ([UInt8]) -> Bool)] {
    [
    ("META", meta.serialized(), { (try? LetterMeta(parsing: $0)) != nil }),
    ("MANIFEST", manifest.serializedFormat1(), { (try? Manifest(parsingFormat1: $0)) != nil }),
      ("SETTINGS", settings.serialized(), { (try? VaultSettings(parsing: $0)) != nil }),
      ("MANIFEST ROOT", root.serialized(), { (try? ManifestRoot(parsing: $0)) != nil }),
      ("MANIFEST BUCKET", manifestBucket.serialized(), { (try? ManifestBucket(parsing: $0, bucket: 1)) != nil }),
      ("MANIFEST ROOT 3", pinningRoot.serialized(), { (try? ManifestRoot(parsing: $0)) != nil }),
      ("RECENT", recent.serialized(), { (try? RecentListing(parsing: $0)) != nil }),
    ]
  }

  @Test func validRecordsRoundTrip() throws {
    #expect(try LetterMeta(parsing: Self.meta.serialized()) == Self.meta)
    #expect(try Manifest(parsingFormat1: Self.manifest.serializedFormat1()) == Self.manifest)
    #expect(try VaultSettings(parsing: Self.settings.serialized()) == Self.settings)
    #expect(try ManifestRoot(parsing: Self.root.serialized()) == Self.root)
    #expect(try ManifestBucket(parsing: Self.manifestBucket.serialized(), bucket: 1) == Self.manifestBucket)
    #expect(try ManifestRoot(parsing: Self.pinningRoot.serialized()) == Self.pinningRoot)
    #expect(try RecentListing(parsing: Self.recent.serialized()) == Self.recent)
  }

  /// FORMAT.md §6.8: a root's version says whether the RECENT hash follows; a RECENT record
  /// has one encoding (newest first, no unknown flag, at most 64 entries).
  @Test func recentRecordsAndTheirPinHaveOneEncoding() throws {
    var twoWithPin = Self.pinningRoot.serialized()
    twoWithPin[0] = 2
    var threeWithout = Self.root.serialized()
    threeWithout[0] = 3
    for bad in [twoWithPin, threeWithout] {
      #expect(throws: ByteReader.Malformed.self) { try ManifestRoot(parsing: bad) }
    }
    var reversed = Self.recent
    reversed.entries.reverse()
    var flagged = Self.recent.serialized()
    flagged[1] = 0x02
    let tooMany = RecentListing(
      complete: false,
      entries: (0...64).map {
        ListingEntry(
          letterID: [UInt8(255 - $0)] + [UInt8](repeating: 0, count: 15), metaVersion: 1,
          metaHash: [UInt8](repeating: 9, count: 32), meta: Self.meta)
      })
    var twice = Self.recent
    twice.entries = [twice.entries[0], twice.entries[0]]
    for bad in [reversed.serialized(), flagged, tooMany.serialized(), twice.serialized()] {
      #expect(throws: ByteReader.Malformed.self) { try RecentListing(parsing: bad) }
    }
  }

  /// FORMAT.md §6.3: one encoding per root and per bucket; a bucket's entries all start with
  /// its byte, and a bucket row is never empty.
  @Test func manifestRootsAndBucketsHaveOneEncoding() throws {
    let root = Self.root.serialized()
    // Header: version(1) epoch(8) writtenAt(8) settings(32) count(4); then 33-byte buckets.
    var swapped = root
    swapped.replaceSubrange(53..<86, with: root[86..<119])
    swapped.replaceSubrange(86..<119, with: root[53..<86])
    var repeated = root
    repeated.replaceSubrange(86..<119, with: root[53..<86])
    var legacy = root
    legacy[0] = 1
    for bad in [swapped, repeated, legacy] {
      #expect(throws: ByteReader.Malformed.self) { try ManifestRoot(parsing: bad) }
    }
    let bucket = Self.manifestBucket.serialized()
    #expect(throws: ByteReader.Malformed.self) { try ManifestBucket(parsing: bucket, bucket: 2) }
    // Header: version(1) bucket(1) count(4); then 56-byte entries.
    var outOfOrder = bucket
    outOfOrder.replaceSubrange(6..<62, with: bucket[62..<118])
    outOfOrder.replaceSubrange(62..<118, with: bucket[6..<62])
    var wrongBucket = bucket
    wrongBucket[62] = 2
    let empty = ManifestBucket(bucket: 1, entries: []).serialized()
    for bad in [outOfOrder, wrongBucket, empty] {
      #expect(throws: ByteReader.Malformed.self) { try ManifestBucket(parsing: bad, bucket: 1) }
    }
  }

  @Test(arguments: 0..<5)
  func everyTruncationIsRejected(parser: Int) {
    let (name, valid, accepts) = Self.parsers[parser]
    let accepted = (0..<valid.count).filter { accepts(Array(valid.prefix($0))) }
    #expect(accepted.isEmpty, "\(name) accepted prefixes of length \(accepted)")
  }

  @Test(arguments: 0..<5)
  func trailingBytesAreRejected(parser: Int) {
    let (name, valid, accepts) = Self.parsers[parser]
    for extra: [UInt8] in [[0], [1], [0xFF], [0, 0, 0, 0, 0]] {
      #expect(!accepts(valid + extra), "\(name) accepted \(extra.count) trailing bytes")
    }
  }

  @Test(arguments: 0..<5)
  func randomAndMutatedInputsNeverCrash(parser: Int) {
    let (_, valid, accepts) = Self.parsers[parser]
    var generator = SeededGenerator(seed: UInt64(parser) + 100)
    for _ in 0..<2_000 {
      _ = accepts(generator.bytes(Int.random(in: 0...400, using: &generator)))
    }
    // Mutations of a valid record reach the deeper fields (counts, lengths, enums).
    for _ in 0..<3_000 {
      var bytes = valid
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
      }
      _ = accepts(bytes)
    }
  }

  @Test func metadataCapsAreEnforced() {
    var bytes = Self.meta.serialized()
    bytes[1] = 9  // unknown state
    #expect((try? LetterMeta(parsing: bytes)) == nil)
    var noRevisions = Self.meta
    noRevisions.revisions = []
    #expect((try? LetterMeta(parsing: noRevisions.serialized())) == nil)
    var version = Self.meta.serialized()
    version[0] = 2
    #expect((try? LetterMeta(parsing: version)) == nil)
  }

  /// `search` and `export` parse a META to its head revision only: the same summary fields
  /// and head as the full parse, for one revision and many, and the same refusals of a list
  /// that is empty or does not end at the head.
  @Test(arguments: [1, 2, 5])
  func aMetaReadToItsHeadHasTheFullParsesHeadAndFields(revisions count: Int) throws {
    var meta = Self.meta
    meta.revisions = (1...count).map {
      .init(number: UInt32($0), savedAt: Int64($0), envelopeHash: [UInt8](repeating: UInt8($0), count: 32))
    }
    let bytes = meta.serialized()
    let full = try LetterMeta(parsing: bytes)
    let head = try LetterMeta(parsing: bytes, depth: .head)
    #expect(head.revisions == [full.revisions.last!])
    #expect(head.headRevision == UInt32(count) && head.letterKey == full.letterKey)
    #expect(ListingSummary(meta: head) == ListingSummary(meta: full))
    #expect(head.events.isEmpty)

    var noRevisions = meta
    noRevisions.revisions = []
    #expect((try? LetterMeta(parsing: noRevisions.serialized(), depth: .head)) == nil)
    var wrongHead = bytes
    // The head revision's number: 44-byte revisions end where the event count begins.
    let events = meta.events.reduce(4) { $0 + 8 + 1 + 4 + 2 + $1.detail.utf8.count }
    wrongHead[wrongHead.count - events - 44] ^= 0xFF
    #expect((try? LetterMeta(parsing: wrongHead)) == nil)
    #expect((try? LetterMeta(parsing: wrongHead, depth: .head)) == nil)
    #expect((try? LetterMeta(parsing: Array(bytes.prefix(bytes.count - events - 1)), depth: .head)) == nil)
  }

  @Test func aManifestWithADuplicatedLetterIsRejected() {
    var bytes = Self.manifest.serializedFormat1()
    // Header: version(1) epoch(8) writtenAt(8) count(4); then 56-byte entries.
    let first = Array(bytes[21..<77])
    bytes.replaceSubrange(77..<133, with: first)
    #expect((try? Manifest(parsingFormat1: bytes)) == nil)
  }
}
