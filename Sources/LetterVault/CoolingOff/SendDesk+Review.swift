import VaultRecords
import Foundation

/// The walk-through behind `letters review` (README "Commands").
extension SendDesk {
  func reviewQueue() throws(VaultError) -> [ReviewItem] {
    try records.read { tx in
      let manifest = try tx.loadManifest()
      let now = try ClockKeeper(context).settingsNow(in: tx, manifest: manifest)
      var items: [ReviewItem] = []
      for row in try tx.rows(field: FieldTag.meta.rawValue) {
        guard row.objectID.count == FormatConstant.idByteCount else { continue }
        let id = LetterID(bytes: row.objectID)
        guard var meta = try? tx.openMeta(row, id: id, manifest: manifest), meta.state == .held else {
          continue
        }
        if now.jump > 0, meta.hasSendRequest { meta.moveDeadline(by: now.jump) }
        let status = sendStatus(meta, settings: now.settings, reading: now.reading)
        let reviewDue = meta.reviewOn != 0 && meta.reviewOn <= now.reading.wall
        items.append(
          ReviewItem(
            summary: LetterFacts.summary(id, meta), status: status, isDue: status == .ready || reviewDue))
      }
      return items.sorted { Self.reviewRank($0) < Self.reviewRank($1) }
    }
  }

  /// (group, date, id): ready sends, due reviews, waiting sends, everything else.
  private static func reviewRank(_ item: ReviewItem) -> (Int, Date, String) {
    let summary = item.summary
    if item.status == .ready {
      return (0, summary.releaseAt ?? .distantPast, summary.id.description)
    }
    if item.isDue { return (1, summary.reviewOn ?? .distantPast, summary.id.description) }
    if case .waiting(let until, _) = item.status { return (2, until, summary.id.description) }
    return (3, summary.created, summary.id.description)
  }
}
