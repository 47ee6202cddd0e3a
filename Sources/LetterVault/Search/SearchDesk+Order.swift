import VaultRecords
/// The order of an export (docs/PERFORMANCE.md round 4): `list`'s letters, oldest first, as ids.
extension SearchDesk {
  /// The ids ``listFromIndex(_:limit:)`` would list for `filter`, oldest first (16 bytes each), without
  /// keeping a summary per letter (each is built, tested and dropped): an export plan of
  /// 100,000 letters held ~30 MiB of summaries. Nil whenever that listing would be nil or
  /// name damage, so the caller takes `list` and names it.
  func idsOldestFirst(_ filter: LetterFilter) throws(VaultError) -> [UInt8]? {
    try records.read { tx -> [UInt8]? in
      guard let listing = try ListingOrder(in: tx), listing.damaged.isEmpty,
        try missingBehindListing(listing.manifest, indices: listing.fromListing, in: tx).isEmpty
      else { return nil }
      // 16 bytes per id in one buffer (ExportPlan); `list`'s order reversed is oldest first.
      var ids: [UInt8] = []
      ids.reserveCapacity(listing.newestFirst.count * FormatConstant.idByteCount)
      for index in listing.newestFirst.reversed() {
        guard let summary = listing.summary(at: index) else { continue }
        if filter.matches(summary) { ids += summary.id.bytes }
      }
      return ids
    }
  }
}
