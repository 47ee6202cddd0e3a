import VaultRecords
import Foundation

/// `list` from the LISTING record (FORMAT.md §6.6), and the summary it builds.
extension SearchDesk {
  /// `list` from the LISTING record: the manifest's letters, each from its listing entry when
  /// that matches the manifest, else from its META (checked as always). Nil when the manifest
  /// is damaged or too few entries match: the full scan then reads (and names) everything.
  /// With a `limit`, stops building summaries once that many match (they come newest first).
  func listFromIndex(_ filter: LetterFilter, limit: Int? = nil) throws(VaultError) -> LetterListing? {
    try listedFromIndex(filter, limit: limit)?.listing
  }

  /// The same letters, for `list`'s lines: without a filter, lent in place from the listing
  /// (``ListedLetters``), and summarised only if asked (``ListedLetters/listing``); with one,
  /// summarised here (the filter reads them).
  func listedFromIndex(_ filter: LetterFilter, limit: Int? = nil) throws(VaultError) -> ListedLetters? {
    try records.read { tx -> ListedLetters? in
      if let limit, let recent = try listFromRecent(filter, limit: limit, in: tx) { return ListedLetters(recent) }
      guard let listing = try ListingOrder(in: tx) else { return nil }
      // A listing entry stands for a META row that should be there; one that is gone is named.
      let missing = try missingBehindListing(listing.manifest, indices: listing.fromListing, in: tx)
      let damaged = listing.damaged + missing.sorted().map { Damage.missingLetter(listing.manifest.id(at: $0)) }
      let wanted = max(0, min(listing.newestFirst.count, limit ?? listing.newestFirst.count))
      if filter.isEmpty {
        var chosen: [Int] = []
        chosen.reserveCapacity(wanted)
        // Every letter in the order has a summary (a listing entry or a META read); a damaged
        // one is left out of it.
        for index in listing.newestFirst {
          if chosen.count >= wanted { break }
          if !missing.contains(index) { chosen.append(index) }
        }
        return ListedLetters(listing, indices: chosen, damaged: damaged)
      }
      var found: [LetterSummary] = []
      found.reserveCapacity(wanted)
      for index in listing.newestFirst {
        if found.count >= wanted { break }
        guard !missing.contains(index), let summary = listing.summary(at: index) else { continue }
        if filter.matches(summary) { found.append(summary) }
      }
      return ListedLetters(LetterListing(letters: found, damaged: damaged))
    }
  }
}
