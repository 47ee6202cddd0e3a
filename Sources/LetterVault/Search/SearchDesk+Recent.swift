import VaultRecords

/// `list -n N` from the RECENT record (FORMAT.md §6.8): the root and one small row instead of
/// the whole manifest and every LISTING bucket (docs/PERFORMANCE.md).
extension SearchDesk {
  /// The newest `limit` letters matching `filter`, when the RECENT record the root pins holds
  /// them: `limit` matches among its entries, or every letter of the vault. Nil otherwise
  /// (no record, too few matches): the caller reads the whole listing.
  ///
  /// As `list` does with LISTING entries, each letter shown must still have its META row.
  /// Damage elsewhere is named only by what reads it (`list` without `-n`, `verify`), as
  /// FORMAT.md §6.8 says.
  func listFromRecent(_ filter: LetterFilter, limit: Int, in tx: RecordTransaction) throws -> LetterListing? {
    guard let recent = tx.loadRecent() else { return nil }
    var found: [LetterSummary] = []
    var taken: [[UInt8]] = []
    for entry in recent.entries {
      guard found.count < limit else { break }
      let summary = LetterFacts.summary(LetterID(bytes: entry.letterID), entry.summary)
      guard filter.matches(summary) else { continue }
      found.append(summary)
      taken.append(entry.letterID)
    }
    // A letter whose META row is gone is named by the whole listing, which then takes the
    // next match in its place.
    guard try tx.objectIDsWithoutRow(taken, field: FieldTag.meta.rawValue).isEmpty else { return nil }
    guard found.count == limit || recent.complete else { return nil }
    return LetterListing(letters: found, damaged: [])
  }
}
