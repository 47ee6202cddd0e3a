import VaultRecords

/// The manifest's letters in `list`'s order, newest first (ties by id descending), read from
/// the LISTING record (FORMAT.md §6.6) with each letter's creation time read in place; a letter
/// without a current listing entry is read from its META. One ordering for `list`, the export
/// plan and `write --to`'s names, so the three never disagree.
struct ListingOrder {
  let manifest: ManifestIndex
  let view: ListingView
  /// Manifest indices, newest letter first.
  private(set) var newestFirst: [Int] = []
  /// The indices taken from their listing entry (whose META row `list` checks still exists).
  private(set) var fromListing: [Int] = []
  /// Damage met reading the META of a letter the listing does not cover.
  private(set) var damaged: [Damage] = []
  private var fromMeta: [Int: LetterSummary] = [:]
  /// Per manifest index: held with a pending send request. Read in the same pass as the
  /// creation times, in the rows' own order, so `waiting` does not visit every line again.
  private var waiting: [Bool] = []

  /// Nil when the manifest is damaged or too few entries match: one scan is then cheaper, and
  /// the caller takes it (and names what it finds).
  init?(in tx: RecordTransaction) throws {
    let manifest: ManifestIndex
    do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged { return nil }
    try self.init(manifest: manifest, view: try tx.listingView(manifest), in: tx)
  }

  /// The same order from a manifest and listing the caller already read in `tx`.
  init?(manifest: ManifestIndex, view: ListingView, in tx: RecordTransaction) throws {
    self.manifest = manifest
    self.view = view
    // One point lookup per miss; past an eighth of the vault, one scan is cheaper.
    guard view.misses <= max(64, manifest.count / 8) else { return nil }
    var order: [(created: Int64, index: Int)] = []
    order.reserveCapacity(manifest.count)
    waiting = [Bool](repeating: false, count: manifest.count)
    for index in 0..<manifest.count {
      if let key = view.orderKey(at: index) {
        order.append((key.created, index))
        waiting[index] = key.waits
        fromListing.append(index)
        continue
      }
      do {
        let (id, meta) = try tx.metaFromIndex(manifest.entry(at: index), depth: .summary)
        let summary = LetterFacts.summary(id, meta)
        fromMeta[index] = summary
        waiting[index] = summary.awaitsRelease
        order.append((meta.createdAt, index))
      } catch RecordError.damaged(let problems) {
        damaged += problems
      }
    }
    // Ordered on the creation times read in place, so each summary is built once, already in
    // its place (docs/PERFORMANCE.md). Manifest order is id order: a larger index is a larger id.
    order.sort { $0.created != $1.created ? $0.created > $1.created : $0.index > $1.index }
    newestFirst = order.map(\.index)
  }

  /// Whether manifest entry `index` is held with a pending send request.
  func waits(_ index: Int) -> Bool { waiting[index] }

  /// Letters already put in order, each with a current listing entry (a search the word lists
  /// answered, SearchDesk+Words.swift), with whether each waits for its send, by manifest index.
  init(manifest: ManifestIndex, view: ListingView, newestFirst: [Int], waiting: [Bool]) {
    self.manifest = manifest
    self.view = view
    self.newestFirst = newestFirst
    fromListing = newestFirst
    self.waiting = waiting
  }

  /// Hints for a walk over `indices` newest first (``ListingView/prefetch(_:at:ids:)``).
  func prefetch(_ indices: [Int], at position: Int) { view.prefetch(indices, at: position, ids: manifest) }

  /// `body` on the line of manifest entry `index`: in place from its listing entry, else lent
  /// from the summary its META gave. Nothing when it has neither (its damage is named).
  func withLine(at index: Int, _ body: (ListedLetter) throws -> Void) rethrows {
    if let summary = fromMeta[index] { return try ListedLetter.lending(summary, body) }
    try manifest.withID(at: index) { id in
      try view.withLine(at: index) { line in try body(ListedLetter(idBytes: id, line)) }
    }
  }

  /// The summary of manifest entry `index`, from its listing entry or its META.
  func summary(at index: Int) -> LetterSummary? {
    fromMeta[index] ?? view.summary(at: index).map { LetterFacts.summary(manifest.id(at: index), $0) }
  }
}
