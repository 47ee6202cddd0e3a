import Testing

@testable import LetterVault
@testable import VaultRecords

/// The text signature (FORMAT.md §6.7) never rules out a text the matcher would find, keeps
/// its size rule, and its bucket parses as strictly as it is written.
@Suite struct TextSignatureTests {
  /// Random texts mixing letters of both cases, digits, punctuation and multi-byte characters.
  static func text(_ length: Int, using random: inout SeededGenerator) -> [UInt8] {
    let pieces: [[UInt8]] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;'\n-".utf8)
      .map { [$0] } + ["é", "ß", "ü", "—", "✉️", "İ"].map { Array($0.utf8) }
    var bytes: [UInt8] = []
    while bytes.count < length { bytes += pieces.randomElement(using: &random)! }
    return bytes
  }

  /// The needle flipped to random case, byte by byte (ASCII letters only).
  static func recase(_ bytes: ArraySlice<UInt8>, using random: inout SeededGenerator) -> String {
    String(decoding: bytes.map { byte in
      guard (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) else { return byte }
      return Bool.random(using: &random) ? byte ^ 0x20 : byte
    }, as: UTF8.self)
  }

  @Test func everyNeedleTheMatcherFindsGetsThroughTheSignature() {
    var random = SeededGenerator(seed: 0x5167_0001)
    var checked = 0
    for _ in 0..<2_000 {
      let text = Self.text(Int.random(in: 3...3_000, using: &random), using: &random)
      let signature = TextSignature(text: text)
      let start = Int.random(in: 0..<(text.count - 2), using: &random)
      let end = min(text.count, start + Int.random(in: 3...24, using: &random))
      let needle = Self.recase(text[start..<end], using: &random)
      guard let probe = SignatureProbe(needle) else { continue }  // not ASCII: no signature
      #expect(TextMatcher(needle).matches(bytes: text), "the needle is cut from the text")
      let allowed = signature.bits.withUnsafeBytes {
        probe.mayMatch($0, log2Bits: signature.bits.count.trailingZeroBitCount + 3, nonASCII: nil)
      }
      #expect(allowed, "\(needle) is in the text but the signature rules it out")
      checked += 1
    }
    #expect(checked > 500)
  }

  @Test func aWordThatIsNotThereIsMostlyRuledOut() {
    var random = SeededGenerator(seed: 0x5167_0002)
    let probe = SignatureProbe("lighthouse")!
    var letThrough = 0
    for _ in 0..<1_000 {
      // Letters of ~1.5 KB without the letters "g" and "h": "lighthouse" cannot be in them.
      let text = Self.text(1_500, using: &random).filter { !"ghGH".utf8.contains($0) }
      let signature = TextSignature(text: text)
      if signature.bits.withUnsafeBytes({ probe.mayMatch($0, log2Bits: signature.bits.count.trailingZeroBitCount + 3, nonASCII: nil) }) {
        letThrough += 1
      }
    }
    // Random bytes fill a filter far more than English does; even so most are ruled out.
    #expect(letThrough < 100, "\(letThrough) of 1,000 let through")
  }

  @Test func theFilterGrowsWithTheTextWithinItsBounds() {
    #expect(TextSignature(text: []).bits.count == 8)
    #expect(TextSignature(text: Array(repeating: 0x61, count: 1_500)).bits.count == 256)
    #expect(TextSignature(text: Array(repeating: 0x61, count: 2_048)).bits.count == 256)
    #expect(TextSignature(text: Array(repeating: 0x61, count: 2_049)).bits.count == 512)
    #expect(TextSignature(text: Array(repeating: 0x61, count: 1_000_000)).bits.count == 8_192)
  }

  @Test func needlesTheSignatureCannotJudgeAreRefused() {
    #expect(SignatureProbe("ab") == nil)
    #expect(SignatureProbe("café") == nil)
    #expect(SignatureProbe("abc") != nil)
  }

  static func entry(_ first: UInt8, _ last: UInt8, text: String, fields: [String] = ["Mum", "about"])
    -> SignatureEntry
  {
    SignatureEntry(
      letterID: [first] + Array(repeating: 0, count: 14) + [last], metaVersion: 3,
      metaHash: Array(repeating: 7, count: 32), bodyHash: Array(repeating: 9, count: 32),
      signature: TextSignature(text: Array(text.utf8)), fields: TextSignature(fields: fields))
  }

  @Test func aBucketRoundTripsAndRejectsWhatItWouldNeverWrite() throws {
    let bucket = SignatureBucket(
      bucket: 0x42, entries: [Self.entry(0x42, 1, text: "short"), Self.entry(0x42, 2, text: String(repeating: "long text ", count: 300))])
    let bytes = bucket.serialized()
    #expect(try SignatureBucket(parsing: bytes, bucket: 0x42) == bucket)
    #expect(throws: ByteReader.Malformed.self) { try SignatureBucket(parsing: bytes, bucket: 0x43) }
    #expect(throws: ByteReader.Malformed.self) { try SignatureBucket(parsing: bytes + [0], bucket: 0x42) }
    #expect(throws: ByteReader.Malformed.self) { try SignatureBucket(parsing: Array(bytes.dropLast()), bucket: 0x42) }
    let swapped = SignatureBucket(bucket: 0x42, entries: bucket.entries.reversed()).serialized()
    #expect(throws: ByteReader.Malformed.self) { try SignatureBucket(parsing: swapped, bucket: 0x42) }
    let stray = SignatureBucket(bucket: 0x42, entries: [Self.entry(0x41, 1, text: "abc")]).serialized()
    #expect(throws: ByteReader.Malformed.self) { try SignatureBucket(parsing: stray, bucket: 0x42) }
    // The flags byte of the first entry (after format, bucket, count, id, version, hashes):
    // bits 0 and 1 only; then the size byte of its filter, the filter ("short": 8 bytes), the
    // size byte of the fields filter.
    let flags = 6 + 16 + 8 + 32 + 32
    let fieldsSize = flags + 2 + 8
    #expect(bytes[flags + 1] == 6 && bytes[fieldsSize] == 6)
    for bad: UInt8 in [4, 5, 0x80, 0xFF] {
      var flagged = bytes
      flagged[flags] = bad
      #expect(throws: ByteReader.Malformed.self) { try SignatureBucket(parsing: flagged, bucket: 0x42) }
    }
    for (flag, text, fields) in [(0, false, false), (1, true, false), (2, false, true), (3, true, true)] {
      var flagged = bytes
      flagged[flags] = UInt8(flag)
      let entry = try SignatureBucket(parsing: flagged, bucket: 0x42).entries[0]
      #expect(entry.signature.nonASCII == text && entry.fields?.nonASCII == fields)
    }
    for size: UInt8 in [0, 5, 17, 255] {
      var resized = bytes
      resized[flags + 1] = size
      #expect(throws: ByteReader.Malformed.self) { try SignatureBucket(parsing: resized, bucket: 0x42) }
    }
    // The fields filter is at most 4,096 bits.
    for size: UInt8 in [0, 5, 13, 16, 255] {
      var resized = bytes
      resized[fieldsSize] = size
      #expect(throws: ByteReader.Malformed.self) { try SignatureBucket(parsing: resized, bucket: 0x42) }
    }
    for unknown: UInt8 in [0, 4, 0xFF] {
      var version = bytes
      version[0] = unknown
      #expect(throws: ByteReader.Malformed.self) { try SignatureBucket(parsing: version, bucket: 0x42) }
    }
    // Format 2 (no fields filter, only bit 0 of the flags) reads with the fields unknown,
    // and writes back the same bytes.
    var two = bucket
    two.format = 2
    let twoBytes = two.serialized()
    #expect(twoBytes.count == bytes.count - bucket.entries.map { 1 + $0.fields!.bits.count }.reduce(0, +))
    let parsedTwo = try SignatureBucket(parsing: twoBytes, bucket: 0x42)
    #expect(parsedTwo.format == 2 && parsedTwo.entries.allSatisfy { $0.fields == nil && $0.signature.nonASCII == false })
    #expect(parsedTwo.serialized() == twoBytes)
    var flaggedTwo = twoBytes
    flaggedTwo[flags] = 2
    #expect(throws: ByteReader.Malformed.self) { try SignatureBucket(parsing: flaggedTwo, bucket: 0x42) }
    // Format 1 (no flags byte) reads with the flag unknown, and writes back the same bytes.
    var old = bucket
    old.format = 1
    let oldBytes = old.serialized()
    #expect(oldBytes.count == twoBytes.count - bucket.entries.count)
    let parsed = try SignatureBucket(parsing: oldBytes, bucket: 0x42)
    #expect(parsed.format == 1 && parsed.entries.allSatisfy { $0.signature.nonASCII == nil && $0.fields == nil })
    #expect(parsed.serialized() == oldBytes)
    #expect(parsed.entries.map(\.signature.bits) == bucket.entries.map(\.signature.bits))
    // An entry without fields written in format 3 rules nothing out by them.
    var unsigned = bucket
    unsigned.entries[0].fields = nil
    let fields = try SignatureBucket(parsing: unsigned.serialized(), bucket: 0x42).entries[0].fields
    #expect(fields == .fieldsUnknown && fields?.nonASCII == true && fields?.bits.allSatisfy { $0 == 0xFF } == true)
  }

  /// The fields signature (format 3): every window of each field gets through, ASCII or not;
  /// four bits a byte within its bounds; the non-ASCII flag of any field.
  @Test func everyNeedleInARecipientSubjectOrTagGetsThroughTheFieldsSignature() {
    var random = SeededGenerator(seed: 0x5167_0003)
    var checked = 0
    for _ in 0..<2_000 {
      let fields = (0..<Int.random(in: 1...5, using: &random)).map { _ in
        String(decoding: Self.text(Int.random(in: 0...80, using: &random), using: &random), as: UTF8.self)
      }
      let signature = TextSignature(fields: fields)
      #expect(signature.nonASCII == fields.contains { $0.utf8.contains { $0 >= 0x80 } })
      let field = Array(fields.randomElement(using: &random)!.utf8)
      guard field.count >= 3 else { continue }
      let start = Int.random(in: 0..<(field.count - 2), using: &random)
      let needle = Self.recase(field[start..<min(field.count, start + Int.random(in: 3...12, using: &random))], using: &random)
      guard let probe = SignatureProbe(needle) ?? (TextMatcher(needle).skipsASCIITexts ? .nonASCIINeedle : nil) else { continue }
      let allowed = signature.bits.withUnsafeBytes {
        probe.mayMatch($0, log2Bits: signature.bits.count.trailingZeroBitCount + 3, nonASCII: signature.nonASCII)
      }
      #expect(allowed, "\(needle) is in \(fields) but the fields signature rules it out")
      checked += 1
    }
    #expect(checked > 500)
    #expect(TextSignature(fields: []).bits.count == 8)
    #expect(TextSignature(fields: ["Mum", "", "grief"]).bits.count == 8)
    #expect(TextSignature(fields: ["Dr. Hale", "about the garden"]).bits.count == 16)
    #expect(TextSignature(fields: [String(repeating: "a", count: 5_000)]).bits.count == 512)
    // Windows do not run from one field into the next: "mum" + "sam" has no window "ums".
    let two = TextSignature(fields: ["mum", "sam"])
    let joined = TextSignature(fields: ["mumsam"])
    #expect(two.bits != joined.bits)
  }

  @Test func textIndexRowsSitBesideTheListingRowsNeverAmongThem() {
    for bucket: UInt8 in [0, 1, 0x80, 0xFF] {
      let id = SignatureBucket.objectID(bucket: bucket)
      #expect(SignatureBucket.bucket(objectID: id) == bucket)
      #expect(ListingBucket.bucket(objectID: id) == nil)
      #expect(SignatureBucket.bucket(objectID: ListingBucket.objectID(bucket: bucket)) == nil)
      #expect(id.lexicographicallyPrecedes(ListingBucket.objectID(bucket: 0xFF)) == false)
    }
  }
}
