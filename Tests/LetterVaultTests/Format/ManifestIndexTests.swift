import Testing

@testable import LetterVault
@testable import VaultRecords

/// The read-side lookup view of the MANIFEST (Format/ManifestIndex.swift) must accept exactly
/// what `Manifest(parsing:)` accepts and find exactly its entries.
@Suite struct ManifestIndexTests {
  private func manifest(ids: [UInt8]) -> Manifest {
    let entries = ids.map {
      Manifest.Entry(
        letterID: [UInt8](repeating: $0, count: 15) + [$0 &* 7], metaVersion: UInt64($0) + 1,
        metaHash: [UInt8](repeating: $0 ^ 0x5A, count: 32))
    }
    return Manifest(
      epoch: 9, writtenAt: 0,
      entries: Dictionary(uniqueKeysWithValues: entries.map { ($0.letterID, $0) }),
      settingsHash: [UInt8](repeating: 7, count: 32))
  }

  @Test func findsEveryEntryAndNothingElse() throws {
    let full = manifest(ids: Array(0..<40).map { UInt8($0 * 3) })
    let index = try ManifestIndex(parsing: full.serializedFormat1())
    #expect(index.epoch == 9 && index.count == 40)
    for entry in full.entries.values { #expect(index.entry(for: entry.letterID) == entry) }
    #expect(index.entry(for: [UInt8](repeating: 1, count: 16)) == nil)
    #expect(index.entry(for: [UInt8](repeating: 0xFF, count: 16)) == nil)
    #expect(index.entry(for: [1, 2, 3]) == nil)
    #expect(Set(index.ids) == Set(full.entries.keys))
    #expect(try ManifestIndex(parsing: manifest(ids: []).serializedFormat1()).count == 0)
  }

  @Test func seekingForwardFindsWhatBinarySearchFinds() throws {
    let full = manifest(ids: Array(0..<40).map { UInt8($0 * 3) })
    let index = try ManifestIndex(parsing: full.serializedFormat1())
    // Ascending ids, present and absent mixed, as a reader of LISTING rows meets them.
    let probes = (0..<130).map { [UInt8](repeating: UInt8($0), count: 15) + [UInt8($0) &* 7] }
    var cursor = 0
    var found = 0
    for probe in probes {
      let sought = probe.withUnsafeBytes { index.seek($0, from: &cursor) }
      #expect(sought == index.index(of: probe), "\(probe[0])")
      if sought != nil { found += 1 }
    }
    #expect(found == 40)
    // Behind the cursor nothing is found: a reader that goes back reads the letter itself.
    #expect(probes[3].withUnsafeBytes { index.seek($0, from: &cursor) } == nil)
    var fresh = 0
    #expect([UInt8](repeating: 1, count: 3).withUnsafeBytes { index.seek($0, from: &fresh) } == nil)
  }

  @Test func rejectsWhatTheFullParserRejects() throws {
    let bytes = manifest(ids: [1, 2]).serializedFormat1()
    var swapped = bytes
    swapped.replaceSubrange(21..<77, with: bytes[77..<133])
    swapped.replaceSubrange(77..<133, with: bytes[21..<77])
    var repeated = bytes
    repeated.replaceSubrange(77..<133, with: bytes[21..<77])
    var version = bytes
    version[0] = 2
    for bad in [swapped, repeated, version, Array(bytes.dropLast()), bytes + [0]] {
      #expect(throws: ByteReader.Malformed.self) { try Manifest(parsingFormat1: bad) }
      #expect(throws: ByteReader.Malformed.self) { try ManifestIndex(parsing: bad) }
    }
  }
}
