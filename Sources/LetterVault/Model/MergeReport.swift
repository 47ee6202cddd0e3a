import VaultRecords
/// What `merge` did, or would do with `dryRun` (FORMAT.md §16 "Merge").
public struct MergeReport: Sendable, Equatable {
  /// One entry per letter that changes (or would change), in id order.
  public let changes: [LetterMergeChange]
  /// Letters present in both copies that are already the same.
  public let unchanged: Int
  /// True when the changes were written; false for a dry run or when nothing differed.
  public let applied: Bool
  /// Letters burned in the other copy and therefore removed here too.
  public var removedAsBurned: [LetterID] = []
  /// Letters in the other copy that were burned here, and so not brought back.
  public var notBroughtBack: Int = 0
}

/// Two different texts saved under the same revision number, one in each copy.
public struct RevisionConflict: Sendable, Equatable {
  /// The revision number both copies used.
  public let number: Int
  /// The number the later-saved of the two texts is kept under; nothing is dropped.
  public let keptAs: Int
}

/// How one letter changes when the other copy is merged in.
public struct LetterMergeChange: Sendable, Equatable {
  /// The letter.
  public let id: LetterID
  /// True when the letter exists only in the other copy and is brought in whole.
  public let isNew: Bool
  /// Revision numbers this vault gains (for a new letter: all of them).
  public let addedRevisions: [Int]
  /// Revision numbers that held different texts in the two copies.
  public let conflicts: [RevisionConflict]
  /// The state before (nil for a new letter) and after.
  public let stateBefore: LetterState?
  /// The state after the merge.
  public let stateAfter: LetterState
  /// Notes this vault gains.
  public let addedNotes: Int
  /// History events this vault gains.
  public let addedEvents: Int
  /// True when recipient, subject, tags, the review date, the send deadline or the sent date
  /// change as well.
  public let detailsChanged: Bool
}
