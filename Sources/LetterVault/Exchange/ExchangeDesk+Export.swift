import VaultRecords
import Foundation

/// Gathering letters for an export (README "Copies out, letters in, delivery"). Read-only: export never changes
/// the vault (FORMAT.md §10.2), and it is built on the same reads as `show` and `history`.
extension ExchangeDesk {
  func exportBundle(
    ids: [LetterID] = [], filter: LetterFilter = LetterFilter(), progress: ProgressHandler? = nil
  ) throws(VaultError) -> LetterBundle {
    let listing = try SearchDesk(context).list(filter)
    guard listing.damaged.isEmpty else { throw .damaged(listing.damaged) }
    var chosen = listing.letters
    if !ids.isEmpty {
      let wanted = Set(ids)
      for id in ids { _ = try LetterDesk(context).letter(id) }  // an unknown or damaged id fails here, by name
      chosen = chosen.filter { wanted.contains($0.id) }
    }
    let settings = try records.read { tx in
      try tx.loadSettings(manifest: try tx.loadManifest())
    }
    // Every text in one scan (Vault+ReadAll.swift), not one transaction per letter; a few
    // named letters are read one by one below.
    var texts: [LetterID: Letter] = [:]
    if ids.isEmpty {
      for letter in try SearchDesk(context).letters(filter) { texts[letter.summary.id] = letter }
    }
    var letters: [ExportedLetter] = []
    var meter = ProgressMeter(progress, phase: .exporting, total: chosen.count)
    for summary in chosen {
      meter.advance(to: letters.count)
      let email =
        settings.recipientIndex(forLetterTo: summary.recipient).map { settings.recipients[$0].email } ?? ""
      var text = texts[summary.id]
      if text == nil { text = try LetterDesk(context).letter(summary.id) }
      letters.append(
        ExportedLetter(
          letter: text!, notes: summary.noteCount > 0 ? try LetterDesk(context).notes(summary.id) : [], email: email))
    }
    meter.finish()
    return LetterBundle(
      letters: letters, exportedAt: clock.now(), from: settings.delivery?.from ?? "")
  }
}
