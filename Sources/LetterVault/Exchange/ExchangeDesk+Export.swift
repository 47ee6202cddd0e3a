import VaultRecords
import Foundation

/// Gathering letters for an export (README "Copies out, letters in, delivery"). Read-only: export never changes
/// the vault (FORMAT.md §10.2), and it is built on the same reads as `show` and `history`.
extension ExchangeDesk {
  /// The letters to export, oldest first, from the listing (`list`'s reads); named letters are
  /// each read first, so an unknown or damaged id fails here, by name.
  func exportPlan(ids: [LetterID] = [], filter: LetterFilter = LetterFilter()) throws(VaultError) -> ExportPlan {
    func sender() throws(VaultError) -> String {
      try records.read { tx in try tx.loadSettings(index: try tx.loadManifestIndex()).delivery?.from ?? "" }
    }
    if ids.isEmpty, let ordered = try SearchDesk(context).idsOldestFirst(filter) {
      return ExportPlan(idBytes: ordered, exportedAt: clock.now(), from: try sender())
    }
    let listing = try SearchDesk(context).list(filter)
    guard listing.damaged.isEmpty else { throw .damaged(listing.damaged) }
    var chosen = listing.letters
    if !ids.isEmpty {
      let wanted = Set(ids)
      for id in ids { _ = try LetterDesk(context).letter(id) }
      chosen = chosen.filter { wanted.contains($0.id) }
    }
    // The listing is newest first, ties by id descending: reversed, oldest first.
    return ExportPlan(ids: chosen.reversed().map(\.id), exportedAt: clock.now(), from: try sender())
  }

  /// Reads the letters of `plan` in its order, in one read transaction, and hands each to
  /// `each` with its text, notes and recipient address; only one letter is held at a time
  /// (docs/PERFORMANCE.md); `each` returns false to stop before the next letter. Each is read
  /// and checked as `show` reads it (META against the manifest, the text against META). A damaged or missing letter stops the letters handed
  /// over; the others are still read, and the export fails naming every one.
  func export(
    _ plan: ExportPlan, progress: ProgressHandler? = nil, _ each: (ExportedLetter) throws(VaultError) -> Bool
  ) throws(VaultError) {
    var meter = ProgressMeter(progress, phase: .exporting, total: plan.count)
    try records.read { tx in
      let index = try tx.loadManifestIndex()
      let settings = try tx.loadSettings(index: index)
      var damaged: [Damage] = []
      for number in 0..<plan.count {
        meter.advance(to: number)
        let id = plan.id(number)
        do {
          var whole = try Self.wholeLetter(id, index, tx)
          defer { wipe(&whole.body) }
          guard damaged.isEmpty else { continue }
          guard try each(Self.exportedLetter(whole, settings, tx.cipher)) else { return }
        } catch RecordError.damaged(let found) {
          damaged += found
        }
      }
      guard damaged.isEmpty else { throw VaultError.damaged(damaged) }
    }
    meter.finish()
  }

  /// Every letter of an export in memory (``LetterBundle``): the plan, read through `export`.
  func exportBundle(
    ids: [LetterID] = [], filter: LetterFilter = LetterFilter(), progress: ProgressHandler? = nil
  ) throws(VaultError) -> LetterBundle {
    let plan = try exportPlan(ids: ids, filter: filter)
    var letters: [ExportedLetter] = []
    try export(plan, progress: progress) {
      letters.append($0)
      return true
    }
    return LetterBundle(letters: letters, exportedAt: plan.exportedAt, from: plan.from)
  }
}
