import Testing

@testable import LetterVault
@testable import VaultRecords

/// Found with the MANIFEST fuzz target (scripts/fuzz): entries out of order parsed, so one
/// manifest had several encodings. Now only the ascending order `serialized()` writes parses.
@Suite struct ManifestOrderTests {
  @Test func entriesOutOfOrderOrRepeatedAreRejected() throws {
    let entries = [UInt8(1), 2].map {
      Manifest.Entry(
        letterID: [UInt8](repeating: $0, count: 16), metaVersion: 1,
        metaHash: [UInt8](repeating: 0, count: 32))
    }
    let manifest = Manifest(
      epoch: 3, writtenAt: 0,
      entries: Dictionary(uniqueKeysWithValues: entries.map { ($0.letterID, $0) }),
      settingsHash: [UInt8](repeating: 7, count: 32))
    let bytes = manifest.serializedFormat1()
    #expect(try Manifest(parsingFormat1: bytes) == manifest)
    // Swap the two 56-byte entries (they start after version, epoch, time and count: 21 bytes).
    var swapped = bytes
    swapped.replaceSubrange(21..<77, with: bytes[77..<133])
    swapped.replaceSubrange(77..<133, with: bytes[21..<77])
    #expect(throws: ByteReader.Malformed.self) { try Manifest(parsingFormat1: swapped) }
    var repeated = bytes
    repeated.replaceSubrange(77..<133, with: bytes[21..<77])
    #expect(throws: ByteReader.Malformed.self) { try Manifest(parsingFormat1: repeated) }
  }
}
