import VaultRecords

/// What one `letters sync` did (README "Two computers"). Counts of letters only, never
/// their names: the command line prints it, git never sees it.
public struct SyncReport: Sendable {
  /// What the other computers' copy brought in, when the remote had something new.
  public var merged: MergeReport?
  /// A new commit was made (this computer had changes, or two histories were joined).
  public var committed = false
  /// The remote was updated.
  public var pushed = false
  /// The remote's history had been rewritten (`--forget-history` elsewhere): this computer
  /// followed it and dropped its own old copies.
  public var followedRewrite = false

  /// Nothing done yet: a sync fills it in as it goes.
  public init() {}
}

extension MergeReport {
  /// Two merges of one sync (a push refused in between), as one report.
  func adding(_ later: MergeReport) -> MergeReport {
    var both = MergeReport(
      changes: changes + later.changes, unchanged: later.unchanged, applied: applied || later.applied)
    both.removedAsBurned = removedAsBurned + later.removedAsBurned
    both.notBroughtBack = notBroughtBack + later.notBroughtBack
    return both
  }
}
