import ArgumentParser
import Foundation
import LetterVault

/// One stdout line per changed letter: `ID  what changes`.
enum MergeText {
  static func line(_ change: LetterMergeChange) -> String {
    var parts: [String] = []
    if change.isNew {
      parts.append(
        "new \(change.stateAfter) letter, \(plural(change.addedRevisions.count, "revision"))")
      if change.addedNotes > 0 { parts.append(plural(change.addedNotes, "note")) }
      return "\(change.id.short)  " + parts.joined(separator: ", ")
    }
    // A conflict's second text is listed with the conflict, not again as an added revision.
    let keptAs = Set(change.conflicts.map(\.keptAs))
    let added = change.addedRevisions.filter { !keptAs.contains($0) }
    if !added.isEmpty { parts.append("+\(plural(added.count, "revision"))") }
    for conflict in change.conflicts {
      parts.append(
        "revision \(conflict.number) differs in the two copies: both kept, the later as revision \(conflict.keptAs)"
      )
    }
    if let before = change.stateBefore, before != change.stateAfter {
      parts.append("\(before) → \(change.stateAfter)")
    }
    if change.addedNotes > 0 { parts.append("+\(plural(change.addedNotes, "note"))") }
    if change.addedEvents > 0 { parts.append("+\(plural(change.addedEvents, "history event"))") }
    if change.detailsChanged { parts.append("details updated") }
    if parts.isEmpty { parts.append("revisions renumbered") }
    return "\(change.id.short)  " + parts.joined(separator: ", ")
  }

  private static func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
  }
}
