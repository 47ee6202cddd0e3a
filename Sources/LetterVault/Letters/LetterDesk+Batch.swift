import VaultRecords
import Foundation

/// Many new letters in one transaction, for the benchmark corpus (Benchmarks/) and bulk tools.
///
/// The same records as `write` followed by `hold`, but one manifest rewrite and one durable
/// commit for the whole batch instead of one per letter (FORMAT.md §10.3, §7): the manifest
/// holds every letter's META hash, so a per-letter `write` of 10,000 letters rewrites it
/// 10,000 times. Not for interactive use: the CLI writes one letter at a time.
extension LetterDesk {
  func write(batch drafts: [(draft: LetterDraft, created: Date, held: Bool)]) throws(VaultError)
    -> [LetterID]
  {
    try mutate { tx, manifest in
      var ids: [LetterID] = []
      ids.reserveCapacity(drafts.count)
      for (draft, created, held) in drafts {
        let now = created.storedMilliseconds
        let id = try insertLetter(draft, createdAt: now, in: tx, manifest: &manifest)
        if held {
          try tx.update(id, in: &manifest) { meta, _ in
            meta.state = .held
            meta.heldAt = now
            meta.events.append(.init(at: now, kind: .held, revision: meta.headRevision, detail: ""))
          }
        }
        ids.append(id)
      }
      return ids
    }
  }
}
