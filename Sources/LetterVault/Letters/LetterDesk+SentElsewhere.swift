import VaultRecords
import Foundation

/// Letters a merge brought in as sent while this vault still held them (COOLING-OFF.md
/// "Copies and imports"): named in `status` for a while, and in `history` for good.
extension LetterDesk {
  /// How long `status` keeps naming a letter after the merge that brought it in sent: long
  /// enough to be seen at the next few looks, short enough that a writer who sends from two
  /// computers is not shown the same lines forever (`history` keeps them).
  static let sentElsewhereShownFor: TimeInterval = 30 * 86_400

  /// The letters of `candidates` a merge brought in sent within ``sentElsewhereShownFor``,
  /// earliest arrival first. Only flagged letters are read in full, so `status` stays cheap.
  func recentlySentElsewhere(_ candidates: [LetterSummary], now: Date) throws(VaultError)
    -> [SentElsewhere]
  {
    let flagged = candidates.filter(\.sentInAnotherCopy)
    guard !flagged.isEmpty else { return [] }
    let found = try records.read { tx in
      let manifest = try tx.loadManifest()
      return try flagged.compactMap { summary in
        Self.sentElsewhere(summary.id, try tx.loadMeta(summary.id, manifest: manifest).meta)
      }
    }
    return found.filter { now.timeIntervalSince($0.arrivedAt) < Self.sentElsewhereShownFor }
      .sorted { $0.arrivedAt < $1.arrivedAt }
  }

  /// The facts of META's sent-in-a-copy block (FORMAT.md §6.1), or nil without one.
  static func sentElsewhere(_ id: LetterID, _ meta: LetterMeta) -> SentElsewhere? {
    guard let mark = meta.sentInCopy else { return nil }
    return SentElsewhere(
      letterID: id, sentAt: Date(storedMilliseconds: meta.sentAt),
      arrivedAt: Date(storedMilliseconds: mark.arrivedAt),
      wouldHaveGoneAt: mark.wouldReleaseAt == 0 ? nil : Date(storedMilliseconds: mark.wouldReleaseAt),
      copy: mark.source)
  }

  /// The history line for the block, placed by its arrival among the stored events.
  static func withSentElsewhere(_ entries: [HistoryEntry], _ id: LetterID, _ meta: LetterMeta)
    -> [HistoryEntry]
  {
    guard let facts = sentElsewhere(id, meta) else { return entries }
    let entry = HistoryEntry(
      kind: .sentElsewhere, date: facts.arrivedAt, revision: Int(meta.headRevision),
      detail: "", sentElsewhere: facts)
    var result = entries
    result.insert(entry, at: result.firstIndex { $0.date > facts.arrivedAt } ?? result.endIndex)
    return result
  }
}
