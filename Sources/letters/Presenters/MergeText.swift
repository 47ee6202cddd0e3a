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

  /// What a merge did (or, in a dry run, would do) from the copy at `path`: a line per
  /// letter on stdout, then the counts and what to know on stderr.
  static func report(_ report: MergeReport, from path: String) {
    for change in report.changes { Console.out(line(change) + "\n") }
    let count = report.changes.count
    let letters = "\(count) letter\(count == 1 ? "" : "s")"
    if count == 0 && report.removedAsBurned.isEmpty {
      Console.info("nothing to bring in; this vault already has everything in \(path)")
    } else if report.applied {
      Console.info("merged: \(letters) brought in or updated")
    } else {
      Console.info("dry run: \(letters) would change; nothing was written")
    }
    for id in report.removedAsBurned {
      Console.out("\(id.short)  burned on the other computer; " + (report.applied ? "removed here too" : "would be removed here too") + "\n")
    }
    if report.notBroughtBack > 0 {
      Console.info("\(report.notBroughtBack) letter\(report.notBroughtBack == 1 ? " you burned here was" : "s you burned here were") not brought back")
    }
    let conflicts = report.changes.reduce(0) { $0 + $1.conflicts.count }
    if conflicts > 0 {
      Console.info(
        "\(conflicts) revision\(conflicts == 1 ? " was" : "s were") edited differently on the two computers; both texts are kept (`letters history ID`)"
      )
    }
  }

  private static func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
  }
}
