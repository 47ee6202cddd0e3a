import VaultRecords

/// `verify`'s check of the RECENT row (FORMAT.md §6.8): the row the root pins must open and
/// parse, each entry must be its letter's current one, and the entries must be the vault's
/// newest letters in `list`'s order. A pinned row that fails any of these is a writer's bug
/// or an altered file: `list -n` would show it (SECURITY.md §4), so it is named here.
extension VaultVerifier {
  /// `created` holds each letter's creation time, from the META rows verify opened (nil when
  /// some did not open: the order is then not checked).
  func recentDamage(_ manifest: Manifest?, created: [[UInt8]: Int64]?) throws -> [Damage] {
    func damage(_ reason: String) -> [Damage] {
      [Damage(letterID: nil, part: .listing, reason: "recent letters: \(reason)")]
    }
    let rows = try tx.rows(field: FieldTag.recent.rawValue)
    guard let manifest, let hash = manifest.recentHash, hash != RecentListing.none else {
      return rows.isEmpty ? [] : damage("a row the index does not pin")
    }
    let recent: RecentListing
    do { recent = try tx.openRecent(pinnedBy: hash) } catch { return damage(error.reason) }
    for entry in recent.entries {
      guard let current = manifest.entries[entry.letterID], current.metaVersion == entry.metaVersion,
        current.metaHash == entry.metaHash
      else { return damage("an entry does not match the vault index") }
    }
    guard let created else { return [] }
    let newest = created.map { (created: $0.value, id: $0.key) }
      .sorted { $0.created != $1.created ? $0.created > $1.created : $1.id.lexicographicallyPrecedes($0.id) }
      .prefix(recent.complete ? created.count : recent.entries.count)
    guard newest.map(\.id) == recent.entries.map(\.letterID),
      zip(newest, recent.entries).allSatisfy({ $0.created == $1.summary.createdAt })
    else { return damage("not the newest letters") }
    return []
  }
}
