import VaultRecords
/// The order of an export (docs/PERFORMANCE.md round 4): `list`'s letters, oldest first, as ids.
extension SearchDesk {
  /// The ids ``listFromIndex(_:limit:)`` would list for `filter`, oldest first (16 bytes each), without
  /// keeping a summary per letter (each is built, tested and dropped): an export plan of
  /// 100,000 letters held ~30 MiB of summaries. Nil whenever that listing would be nil or
  /// name damage, so the caller takes `list` and names it.
  func idsOldestFirst(_ filter: LetterFilter) throws(VaultError) -> [UInt8]? {
    try records.read { tx -> [UInt8]? in
      let manifest: ManifestIndex
      do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged { return nil }
      let view = try tx.listingView(manifest)
      guard view.misses <= max(64, manifest.count / 8) else { return nil }
      var fromMeta: [Int: LetterSummary] = [:]
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
        } catch RecordError.damaged {
          return nil
        }
      }
      guard try missingBehindListing(manifest, indices: fromListing, in: tx).isEmpty else { return nil }
      // `list`'s order reversed: newest first with ties by id descending, so oldest first here.
      order.sort { $0.created != $1.created ? $0.created < $1.created : $0.index < $1.index }
      // 16 bytes per id in one buffer (ExportPlan).
      var ids: [UInt8] = []
      ids.reserveCapacity(order.count * FormatConstant.idByteCount)
      for (_, index) in order {
        guard
          let summary = fromMeta[index] ?? view.summary(at: index).map({ LetterFacts.summary(manifest.id(at: index), $0) })
        else { continue }
        if filter.matches(summary) { ids += summary.id.bytes }
      }
      return ids
    }
  }
}
