import Foundation
import Testing

@_spi(Bulk) @testable import LetterVault
@testable import VaultRecords

/// `show`'s one-letter lookup (`manifestEntry(for:)`): one bucket, the entry found by binary
/// search in its plaintext, gives exactly what the whole manifest gives for that id.
@Suite struct ManifestEntryLookupTests {
  @Test func theLookupInPlaceEqualsTheWholeManifest() throws {
    let test = try TestVault()
    defer { test.remove() }
    let ids = try test.vault.write(
      batch: (0..<600).map { (LetterDraft(text: "letter \($0)"), Date(timeIntervalSince1970: 1_800_000_000 + Double($0)), false) })
    var random = SeededGenerator(seed: 0x5E_A2C4)
    let strangers = (0..<200).map { _ in LetterID(bytes: (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }) }
    try test.vault.records.read { tx in
      let manifest = try tx.loadManifest()
      for id in ids + strangers {
        let found = try #require(try tx.manifestEntry(for: id), "\(id): the manifest is readable")
        #expect(found == manifest.entries[id.bytes], "\(id)")
      }
    }
  }
}
