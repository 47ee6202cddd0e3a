import VaultRecords
/// A letter the manifest lists whose META row is gone (FORMAT.md §6.3): META holds the
/// letter's only key, so the letter is lost, and `list`, `status`, `show`, `history` and every
/// command that names it say so (exit 65), never "no letter has that id".
extension SearchDesk {
  /// Of the manifest positions `list` took from LISTING entries (ascending), those whose META
  /// row is not in the file.
  func missingBehindListing(
    _ manifest: ManifestIndex, indices: [Int], in tx: RecordTransaction
  ) throws -> Set<Int> {
    Set(try tx.indicesWithoutRow(manifest, indices, field: .meta))
  }
}

extension LetterDesk {
  /// The one letter the manifest lists under `prefix` (lowercase hex) although no META row
  /// has that id: named as missing rather than unknown. Nil when the manifest lists none (or
  /// cannot be read).
  func missingLetter(matching prefix: String) throws(VaultError) -> LetterID? {
    try records.read { tx in
      guard let manifest = try? tx.loadManifestIndex() else { return nil }
      let listed = manifest.ids.filter { LetterID(bytes: $0).description.hasPrefix(prefix) }
      return listed.count == 1 ? LetterID(bytes: listed[0]) : nil
    }
  }
}
