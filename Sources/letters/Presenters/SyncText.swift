import LetterVault

/// What `letters sync` says when it is done (README "Two computers").
enum SyncText {
  static func report(_ report: SyncReport, forgotHistory: Bool) {
    if let merged = report.merged {
      for change in merged.changes { Console.out(MergeText.line(change) + "\n") }
      for id in merged.removedAsBurned {
        Console.out("\(id.short)  burned on the other computer; removed here too\n")
      }
      let conflicts = merged.changes.reduce(0) { $0 + $1.conflicts.count }
      if conflicts > 0 {
        Console.info(
          "\(conflicts) revision\(conflicts == 1 ? " was" : "s were") edited differently on two computers; both texts are kept (`letters history ID`)"
        )
      }
    }
    if report.followedRewrite {
      Console.info("the remote's history was cleared on another computer; this computer's old copies were dropped too")
    }
    if forgotHistory {
      Console.info("the remote and this computer now keep only the vault as it is now; other computers drop their old copies when they next sync")
    } else if report.committed || report.pushed || !(report.merged?.changes.isEmpty ?? true) {
      Console.info("synced")
    } else {
      Console.info("already in step; nothing to send or bring in")
    }
  }
}
