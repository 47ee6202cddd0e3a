import VaultRecords
/// The order of an export (docs/PERFORMANCE.md round 4): `list`'s letters, oldest first, as ids.
extension SearchDesk {
  /// The ids ``listFromIndex(_:limit:)`` would list for `filter`, oldest first (16 bytes each), without
  /// keeping a summary per letter (each is built, tested and dropped): an export plan of
  /// 100,000 letters held ~30 MiB of summaries. Nil whenever that listing would be nil or
  /// name damage, so the caller takes `list` and names it. A planned letter whose META is gone
  /// is not found here but by the export's read of it, which names it as `list` would.
  func idsOldestFirst(_ filter: LetterFilter) throws(VaultError) -> [UInt8]? {
    try records.read { tx -> [UInt8]? in
      guard let listing = try ListingOrder(in: tx), listing.damaged.isEmpty else { return nil }
      // 16 bytes per id in one buffer (ExportPlan); `list`'s order reversed is oldest first.
      var ids: [UInt8] = []
      ids.reserveCapacity(listing.newestFirst.count * FormatConstant.idByteCount)
      var planned = [Bool](repeating: false, count: listing.manifest.count)
      for index in listing.newestFirst.reversed() {
        // Without a filter no summary is built: every ordered letter is planned (each ordered
        // one has a summary, from its listing entry or its META), and the id is the manifest's.
        if !filter.isEmpty {
          guard let summary = listing.summary(at: index), filter.matches(summary) else { continue }
        }
        listing.manifest.appendID(at: index, to: &ids)
        planned[index] = true
      }
      // Every listed letter's META must exist (SearchDesk+Missing.swift). The export reads each
      // planned letter's META and names a missing one (`RecordTransaction.wholeLetter`), so
      // only the others are probed here: none for an export of everything (the probes were
      // a quarter of the plan and read every letter's page once more, docs/PERFORMANCE.md).
      let unplanned = listing.fromListing.filter { !planned[$0] }
      guard try missingBehindListing(listing.manifest, indices: unplanned, in: tx).isEmpty else { return nil }
      return ids
    }
  }
}
