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
      let manifest: ManifestIndex
      do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged { return nil }
      let view = try tx.listingView(manifest)
      // One point lookup per miss; past an eighth of the vault, one scan is cheaper.
      guard view.misses <= max(64, manifest.count / 8) else { return nil }
      // Newest first, ties by id descending (as `newestFirst`), ordered on the creation times
      // read in place, so each summary is built once, already in its place: gathering 10,000
      // built summaries into order was a twentieth of `list` (docs/PERFORMANCE.md).
      var fromMeta: [Int: LetterSummary] = [:]
      var damaged: [Damage] = []
      var order: [(created: Int64, index: Int)] = []
      order.reserveCapacity(manifest.count)
      var fromListing: [Int] = []
      for index in 0..<manifest.count {
        if let created = view.created(at: index) {
          order.append((created, index))
          fromListing.append(index)
          continue
        }
        do {
          let (id, meta) = try tx.metaFromIndex(manifest.entry(at: index), summaryOnly: true)
          fromMeta[index] = LetterFacts.summary(id, meta)
          order.append((meta.createdAt, index))
        } catch RecordError.damaged(let problems) {
          damaged += problems
        }
      }
      // A listing entry stands for a META row that should be there; one that is gone is named.
      let missing = try missingBehindListing(manifest, indices: fromListing, in: tx)
      damaged += missing.sorted().map { Damage.missingLetter(manifest.id(at: $0)) }
      // Manifest order is id order, so a larger index is a larger id.
      order.sort { $0.created != $1.created ? $0.created > $1.created : $0.index > $1.index }
      var found: [LetterSummary] = []
      found.reserveCapacity(max(0, min(order.count, limit ?? order.count)))
      for (_, index) in order {
        if let limit, found.count >= limit { break }
        guard !missing.contains(index),
          let summary = fromMeta[index] ?? view.summary(at: index).map({ LetterFacts.summary(manifest.id(at: index), $0) })
        else { continue }
        if filter.matches(summary) { found.append(summary) }
      }
      return LetterListing(letters: found, damaged: damaged)
    }
  }

}
