import VaultRecords

extension SearchDesk {
  /// The recipient of every letter, newest letter first, from the LISTING record alone: what
  /// `write --to` matches a typed start of a name against, in `list`'s order (ListingOrder). It
  /// skips `list`'s per-letter check that each META row still exists (a name is only a suggestion;
  /// `list` and `verify` name a missing letter). Nil when the manifest is damaged or too few
  /// entries match: the caller then takes `list`.
  func recipientsNewestFirst() throws(VaultError) -> [String]? {
    try records.read { tx -> [String]? in
      guard let listing = try ListingOrder(in: tx) else { return nil }
      return listing.newestFirst.compactMap { listing.summary(at: $0)?.recipient }
    }
  }

  /// Whether a letter the LISTING vouches for is to exactly `name` (byte for byte), without
  /// ordering the letters or building a summary of each: `write --to` with a whole name needs
  /// no other name (``RecipientMatch``; docs/PERFORMANCE.md round 5). Nil when it cannot say:
  /// the manifest is damaged, or no entry matched and some letters have no listing entry.
  func someLetterIsTo(_ name: String) throws(VaultError) -> Bool? {
    try records.read { tx -> Bool? in
      let manifest: ManifestIndex
      do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged { return nil }
      let view = try tx.listingView(manifest)
      let wanted = Array(name.utf8)
      for index in 0..<manifest.count where view.recipient(at: index, is: wanted) == true {
        return true
      }
      return view.misses == 0 ? false : nil
    }
  }
}
