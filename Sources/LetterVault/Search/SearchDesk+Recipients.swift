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
}
