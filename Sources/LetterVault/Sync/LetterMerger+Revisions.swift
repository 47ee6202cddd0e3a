import VaultRecords
/// Merging the revision lists of two copies of a letter (FORMAT.md §16
/// "Merge rules" 2).
extension LetterMerger {
  /// A revision's identity across copies: the same text saved at the same moment.
  struct Identity: Hashable {
    var savedAt: Int64
    var text: [UInt8]
  }

  /// Union by number. The same number with different texts is a conflict: the earlier-saved
  /// text keeps the number and the other is kept as a new revision after the last one, so
  /// the newest edit is current. A text already present under another number is not added
  /// twice (that is what makes a second merge a no-op).
  func mergeRevisions(_ local: LetterSnapshot, _ incoming: LetterSnapshot) -> (
    [Revision], [UInt32: UInt32], [UInt32: UInt32], [RevisionConflict]
  ) {
    func revisions(_ side: LetterSnapshot, stored: Bool) -> [UInt32: Revision] {
      var result: [UInt32: Revision] = [:]
      for revision in side.meta.revisions {
        result[revision.number] = Revision(
          number: revision.number, savedAt: revision.savedAt,
          text: side.texts[revision.number] ?? [],
          storedHash: stored ? revision.envelopeHash : nil)
      }
      return result
    }
    let mine = revisions(local, stored: true)
    let theirs = revisions(incoming, stored: false)
    var winners: [UInt32: Revision] = [:]
    var losers: [(number: UInt32, revision: Revision, isLocal: Bool)] = []
    for number in Set(mine.keys).union(theirs.keys).sorted() {
      switch (mine[number], theirs[number]) {
      case (let a?, nil): winners[number] = a
      case (nil, let b?): winners[number] = b
      case (let a?, let b?) where a.text == b.text:
        winners[number] =
          a.savedAt <= b.savedAt
          ? a
          : Revision(
            number: number, savedAt: b.savedAt, text: a.text, storedHash: nil)
      case (let a?, let b?):
        let localFirst = Self.precedes(a, b)
        winners[number] = localFirst ? a : b
        losers.append((number, localFirst ? b : a, !localFirst))
      default: break
      }
    }
    var numberOf: [Identity: UInt32] = [:]
    for (number, revision) in winners {
      numberOf[Identity(savedAt: revision.savedAt, text: revision.text)] = number
    }
    var next = (winners.keys.max() ?? 0) + 1
    var mapLocal: [UInt32: UInt32] = [:]
    var mapIncoming: [UInt32: UInt32] = [:]
    var conflicts: [RevisionConflict] = []
    for loser in losers.sorted(by: { Self.precedes($0.revision, $1.revision) }) {
      let identity = Identity(savedAt: loser.revision.savedAt, text: loser.revision.text)
      let target: UInt32
      if let existing = numberOf[identity] {
        target = existing
      } else {
        target = next
        next += 1
        numberOf[identity] = target
        winners[target] = Revision(number: target, savedAt: identity.savedAt, text: identity.text)
        conflicts.append(RevisionConflict(number: Int(loser.number), keptAs: Int(target)))
      }
      if loser.isLocal {
        mapLocal[loser.number] = target
      } else {
        mapIncoming[loser.number] = target
      }
    }
    let list = winners.keys.sorted().map { number -> Revision in
      var revision = winners[number]!
      revision.number = number
      // A stored row is reused only when this vault has exactly this revision at this number.
      if let stored = mine[number], stored.text == revision.text, stored.savedAt == revision.savedAt
      {
        revision.storedHash = stored.storedHash
      } else {
        revision.storedHash = nil
      }
      return revision
    }
    return (list, mapLocal, mapIncoming, conflicts.sorted { $0.number < $1.number })
  }

  static func precedes(_ a: Revision, _ b: Revision) -> Bool {
    a.savedAt != b.savedAt ? a.savedAt < b.savedAt : a.text.lexicographicallyPrecedes(b.text)
  }
}
