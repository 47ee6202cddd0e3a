import VaultRecords

extension SearchDesk {
  /// What the LISTING says of the recipients' names (``recipientsNewestFirst(unlessSomeLetterIsTo:)``).
  enum ListedRecipients {
    /// A letter the listing vouches for is to exactly the name asked about.
    case someLetterIsTo
    /// The recipient of every letter, newest letter first.
    case newestFirst([String])
  }

  /// The recipient of every letter, newest letter first, from the LISTING record alone: what
  /// `write --to` matches a typed start of a name against, in `list`'s order (ListingOrder). It
  /// skips `list`'s per-letter check that each META row still exists (a name is only a suggestion;
  /// `list` and `verify` name a missing letter). Nil when the manifest is damaged or too few
  /// entries match: the caller then takes `list`.
  func recipientsNewestFirst() throws(VaultError) -> [String]? {
    guard case .newestFirst(let names)? = try recipientsNewestFirst(unlessSomeLetterIsTo: nil) else { return nil }
    return names
  }

  /// As ``recipientsNewestFirst()``, but `.someLetterIsTo` as soon as a letter the listing
  /// vouches for is to exactly `name` (byte for byte), before ordering the letters or building
  /// a summary of each: `write --to` with a whole name needs no other name (``RecipientMatch``;
  /// docs/PERFORMANCE.md round 5). One read of the manifest and the LISTING either way.
  func recipientsNewestFirst(unlessSomeLetterIsTo name: String?) throws(VaultError) -> ListedRecipients? {
    try records.read { tx -> ListedRecipients? in
      let manifest: ManifestIndex
      do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged { return nil }
      let view = try tx.listingView(manifest)
      if let name {
        let wanted = Array(name.utf8)
        for index in 0..<manifest.count where view.recipient(at: index, is: wanted) == true {
          return .someLetterIsTo
        }
      }
      guard let listing = try ListingOrder(manifest: manifest, view: view, in: tx) else { return nil }
      return .newestFirst(listing.newestFirst.compactMap { listing.summary(at: $0)?.recipient })
    }
  }
}
