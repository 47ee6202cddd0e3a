import Foundation
import Testing

@_spi(Bulk) @testable import LetterVault
@testable import VaultRecords

/// Which letters the manifest lists whose META row is gone (`indicesWithoutRow`, FORMAT.md
/// §6.3): the one walk over the kind index must answer as one lookup per letter does, whatever
/// rows sit between the ids it is asked about, and `list` names exactly those letters.
@Suite struct MissingMetaTests {
  static func scene() throws -> (test: TestVault, ids: [LetterID]) {
    let test = try TestVault()
    let drafts: [(draft: LetterDraft, created: Date, held: Bool)] = (0..<200).map { index in
      (draft: LetterDraft(recipient: "Mum", text: "letter \(index)"),
       created: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60), held: false)
    }
    let ids = try test.vault.write(batch: drafts).sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    return (test, ids)
  }

  /// One primary-key lookup per position: the answer to compare with.
  static func byLookup(_ vault: Vault, _ indices: [Int]) throws -> [Int] {
    try vault.records.read { tx in
      let manifest = try tx.loadManifestIndex()
      return try indices.sorted().filter { index in
        try tx.session.objects(manifest.id(at: index).bytes, field: FieldTag.meta.rawValue).isEmpty
      }
    }
  }

  @Test func theWalkAnswersAsOneLookupPerLetterDoes() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    let file = try VaultFile(path: test.path)
    // Gone: the first, two together, one in the middle, the last.
    for position in [0, 57, 58, 120, 199] { try file.delete(ids[position].bytes, kind: .meta) }
    // A META row the manifest does not list, between listed ones: passed over.
    let copied = try file.row(.meta, of: ids[90].bytes)
    let strayID = Array(ids[90].bytes.prefix(15)) + [ids[90].bytes[15] &+ 1]
    try #require(!ids.contains(LetterID(bytes: strayID)))
    try file.put(.init(objectID: strayID, kind: copied.kind, revision: copied.revision, envelope: copied.envelope))
    let vault = try test.reopen()
    let subsets: [[Int]] = [
      Array(0..<200), Array(stride(from: 0, to: 200, by: 2)), Array(100..<200), Array(50..<110),
      Array(0..<40), [199, 0, 58, 120, 57] + Array(1..<80), [],
    ]
    for subset in subsets {
      let walked = try vault.records.read { tx in
        try tx.indicesWithoutRow(try tx.loadManifestIndex(), subset, field: .meta)
      }
      #expect(walked.sorted() == (try Self.byLookup(vault, subset)), "\(subset.prefix(6))… (\(subset.count))")
    }
    #expect(try Self.byLookup(vault, Array(0..<200)) == [0, 57, 58, 120, 199])
    // `list` names those letters and shows the rest.
    let listing = try vault.list()
    #expect(listing.damaged == [0, 57, 58, 120, 199].map { Damage.missingLetter(ids[$0]) })
    #expect(listing.letters.count == 195)
  }
}
