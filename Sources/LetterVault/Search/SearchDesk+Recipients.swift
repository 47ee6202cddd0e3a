import VaultRecords

extension SearchDesk {
  /// The recipient of every letter, newest letter first, from the LISTING record alone: what
  /// `write --to` matches a typed start of a name against. It builds no summaries and skips
  /// `list`'s per-letter check that each META row still exists (a name is only a suggestion;
  /// `list` and `verify` name a missing letter). Nil when the manifest is damaged or too few
  /// entries match: the caller then takes `list`.
  func recipientsNewestFirst() throws(VaultError) -> [String]? {
    try records.read { tx -> [String]? in
      let manifest: ManifestIndex
      do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged { return nil }
      let view = try tx.listingView(manifest)
      guard view.misses <= max(64, manifest.count / 8) else { return nil }
      var named: [(created: Int64, index: Int, recipient: String)] = []
      named.reserveCapacity(manifest.count)
      for index in 0..<manifest.count {
        if let summary = view.summary(at: index) {
          named.append((summary.createdAt, index, summary.recipient))
          continue
        }
        guard let (_, meta) = try? tx.metaFromIndex(manifest.entry(at: index), summaryOnly: true) else { continue }
        named.append((meta.createdAt, index, meta.recipient))
      }
      // `list`'s order: newest first, ties by id descending (manifest order is id order).
      named.sort { $0.created != $1.created ? $0.created > $1.created : $0.index > $1.index }
      return named.map(\.recipient)
    }
  }
}
