import VaultRecords
import Foundation

/// `list` from the LISTING record (FORMAT.md §6.6), and the summary it builds.
extension SearchDesk {
  /// `list` from the LISTING record: the manifest's letters, each from its listing entry when
  /// that matches the manifest, else from its META (checked as always). Nil when the manifest
  /// is damaged or too few entries match: the full scan then reads (and names) everything.
  /// With a `limit`, stops building summaries once that many match (they come newest first).
  func listFromIndex(_ filter: LetterFilter, limit: Int? = nil) throws(VaultError) -> LetterListing? {
    try records.read { tx -> LetterListing? in
      if let limit, let recent = try listFromRecent(filter, limit: limit, in: tx) { return recent }
      guard let listing = try ListingOrder(in: tx) else { return nil }
      // A listing entry stands for a META row that should be there; one that is gone is named.
      let missing = try missingBehindListing(listing.manifest, indices: listing.fromListing, in: tx)
      let damaged = listing.damaged + missing.sorted().map { Damage.missingLetter(listing.manifest.id(at: $0)) }
      var found: [LetterSummary] = []
      found.reserveCapacity(max(0, min(listing.newestFirst.count, limit ?? listing.newestFirst.count)))
      for index in listing.newestFirst {
        if let limit, found.count >= limit { break }
        guard !missing.contains(index), let summary = listing.summary(at: index) else { continue }
        if filter.matches(summary) { found.append(summary) }
      }
      return LetterListing(letters: found, damaged: damaged)
    }
  }

}
