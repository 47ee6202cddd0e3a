import Testing

@testable import VaultRecords

/// The fingerprint's text (FORMAT.md §4.4): twelve lowercase hex digits in groups of four,
/// written byte by byte since round 6 of docs/PERFORMANCE.md; the same text as the digits
/// of `Hex.encode` grouped by Characters, as it was built before.
@Suite struct FingerprintTextTests {
  @Test func groupedBytesAreTheHexDigitsInThreeGroups() {
    var random = SeededGenerator(seed: 0xF1_6E12)
    var hashes: [[UInt8]] = [[0, 0, 0, 0, 0, 0], [255, 255, 255, 255, 255, 255], [0x0F, 0xF0, 0xA5, 0x5A, 0x01, 0x10]]
    for _ in 0..<2000 { hashes.append((0..<6).map { _ in UInt8.random(in: 0...255, using: &random) }) }
    for hash in hashes {
      let chars = Array(Hex.encode(hash))
      let expected = "\(String(chars[0..<4]))-\(String(chars[4..<8]))-\(String(chars[8..<12]))"
      #expect(RecordCipher.grouped(hash) == expected, "\(hash)")
    }
  }
}
