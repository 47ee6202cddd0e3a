/// Merges one letter from another copy of the vault into this one (docs/format-notes/
/// integrity.md "Merge rules"). Pure: it reads two decrypted snapshots and returns a plan.
///
/// Every rule is symmetric, so merging A into B and B into A give the same letter (ids,
/// state, revision texts, notes), and merging the result again changes nothing.
struct LetterMerger {
  /// One revision of the merged letter. `storedHash` is set when this vault already holds
  /// exactly this revision under this number, so its row is left as it is.
  struct Revision {
    var number: UInt32
    var savedAt: Int64
    var text: [UInt8]
    var storedHash: [UInt8]?
  }

  /// What to write for one letter.
  struct Plan {
    var meta: LetterMeta
    var revisions: [Revision]
    /// All notes, numbered from 1, when they change; nil keeps the stored ones.
    var notes: [LetterSnapshot.NoteRecord]?
    var version: UInt64
    var change: LetterMergeChange
  }

  private struct Identity: Hashable {
    var savedAt: Int64
    var text: [UInt8]
  }

  /// The cooling-off period in milliseconds for a recipient, from this vault's settings.
  let coolingOff: (String) -> Int64

  // MARK: - Letters

  /// nil when the incoming copy adds nothing to the local one.
  func merge(local: LetterSnapshot?, incoming: LetterSnapshot) -> Plan? {
    guard let local else { return adopt(incoming) }
    let (revisions, mapLocal, mapIncoming, conflicts) = mergeRevisions(local, incoming)
    var meta = local.meta
    let a = local.meta
    let b = incoming.meta
    meta.events = mergeEvents(a.events.map { remap($0, mapLocal) }, b.events.map { remap($0, mapIncoming) })
    meta.createdAt = min(a.createdAt, b.createdAt)
    meta.updatedAt = max(a.updatedAt, b.updatedAt)
    meta.lastEditAt = max(a.lastEditAt, b.lastEditAt)
    meta.heldAt = max(a.heldAt, b.heldAt)
    meta.reviewOn = max(a.reviewOn, b.reviewOn)
    meta.deliveryStartedAt = max(a.deliveryStartedAt, b.deliveryStartedAt)
    let holdSide = a.heldAt == b.heldAt ? primary(local, incoming).meta : (a.heldAt > b.heldAt ? a : b)
    meta.holdBootID = holdSide.holdBootID
    meta.holdBoottime = holdSide.holdBoottime
    var revisionList = revisions
    let details: LetterSnapshot
    if let sentSide = sentSide(local, incoming) {
      details = sentSide
      meta.state = .sent
      meta.sentAt = sentSide.meta.sentAt
      meta.sentHow = sentSide.meta.sentHow
      meta.sendRequestedAt = sentSide.meta.sendRequestedAt
      meta.releaseAt = sentSide.meta.releaseAt
      // The text that went out stays the current text, even when the other computer edited
      // the letter after it was sent; that edit is kept as an earlier revision.
      if let sent = sentSide.sentText, revisionList.last?.text != sent {
        let latest = max(revisionList.map(\.savedAt).max() ?? 0, sentSide.meta.sentAt)
        revisionList.append(
          Revision(number: (revisionList.last?.number ?? 0) + 1, savedAt: latest, text: sent))
      }
    } else {
      details = primary(local, incoming)
      let walked = Self.walk(meta.events)
      meta.state = walked.state ?? details.meta.state
      meta.sentAt = 0
      meta.sentHow = 0
      let pending = walked.pending ?? (a.sendRequestedAt != 0 || b.sendRequestedAt != 0)
      if meta.state == .held && pending {
        meta.sendRequestedAt = max(a.sendRequestedAt, b.sendRequestedAt)
        // Never shorten a deadline; an edit on either side restarts the cooling-off.
        meta.releaseAt = max(a.releaseAt, b.releaseAt, meta.lastEditAt + coolingOff(details.meta.recipient))
      } else {
        meta.sendRequestedAt = 0
        meta.releaseAt = 0
      }
    }
    meta.recipient = details.meta.recipient
    meta.subject = details.meta.subject
    meta.tags = details.meta.tags
    meta.deliveryError = details.meta.deliveryError
    let notes = mergeNotes(local.notes, incoming.notes)
    meta.noteCount = UInt32(notes?.count ?? local.notes.count)
    meta.revisions = revisionList.map {
      LetterMeta.Revision(number: $0.number, savedAt: $0.savedAt, envelopeHash: $0.storedHash ?? [])
    }
    let rewrites = revisionList.filter { $0.storedHash == nil }
    guard !rewrites.isEmpty || notes != nil || meta != local.meta else { return nil }
    var comparable = meta
    comparable.revisions = a.revisions
    comparable.events = a.events
    comparable.noteCount = a.noteCount
    comparable.state = a.state
    let localNumbers = Set(a.revisions.map(\.number))
    let change = LetterMergeChange(
      id: local.id, isNew: false,
      addedRevisions: rewrites.map { Int($0.number) }.filter { !localNumbers.contains(UInt32($0)) },
      conflicts: conflicts, stateBefore: a.state, stateAfter: meta.state,
      addedNotes: (notes?.count ?? local.notes.count) - local.notes.count,
      addedEvents: meta.events.count - a.events.count, detailsChanged: comparable != a)
    return Plan(
      meta: meta, revisions: revisionList, notes: notes,
      version: max(local.version, incoming.version) + 1, change: change)
  }

  /// A letter only the other copy has comes in whole.
  private func adopt(_ incoming: LetterSnapshot) -> Plan {
    let revisions = incoming.meta.revisions.map {
      Revision(number: $0.number, savedAt: $0.savedAt, text: incoming.texts[$0.number] ?? [])
    }
    let change = LetterMergeChange(
      id: incoming.id, isNew: true, addedRevisions: revisions.map { Int($0.number) }, conflicts: [],
      stateBefore: nil, stateAfter: incoming.meta.state, addedNotes: incoming.notes.count,
      addedEvents: incoming.meta.events.count, detailsChanged: true)
    return Plan(
      meta: incoming.meta, revisions: revisions, notes: incoming.notes,
      version: incoming.version, change: change)
  }

  // MARK: - Revisions

  /// Union by number. The same number with different texts is a conflict: the earlier-saved
  /// text keeps the number and the other is kept as a new revision after the last one, so
  /// the newest edit is current. A text already present under another number is not added
  /// twice (that is what makes a second merge a no-op).
  private func mergeRevisions(_ local: LetterSnapshot, _ incoming: LetterSnapshot) -> (
    [Revision], [UInt32: UInt32], [UInt32: UInt32], [RevisionConflict]
  ) {
    func revisions(_ side: LetterSnapshot, stored: Bool) -> [UInt32: Revision] {
      var result: [UInt32: Revision] = [:]
      for revision in side.meta.revisions {
        result[revision.number] = Revision(
          number: revision.number, savedAt: revision.savedAt, text: side.texts[revision.number] ?? [],
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
        winners[number] = a.savedAt <= b.savedAt ? a : Revision(
          number: number, savedAt: b.savedAt, text: a.text, storedHash: nil)
      case (let a?, let b?):
        let localFirst = Self.precedes(a, b)
        winners[number] = localFirst ? a : b
        losers.append((number, localFirst ? b : a, !localFirst))
      default: break
      }
    }
    var numberOf: [Identity: UInt32] = [:]
    for (number, revision) in winners { numberOf[Identity(savedAt: revision.savedAt, text: revision.text)] = number }
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
      if loser.isLocal { mapLocal[loser.number] = target } else { mapIncoming[loser.number] = target }
    }
    let list = winners.keys.sorted().map { number -> Revision in
      var revision = winners[number]!
      revision.number = number
      // A stored row is reused only when this vault has exactly this revision at this number.
      if let stored = mine[number], stored.text == revision.text, stored.savedAt == revision.savedAt {
        revision.storedHash = stored.storedHash
      } else {
        revision.storedHash = nil
      }
      return revision
    }
    return (list, mapLocal, mapIncoming, conflicts.sorted { $0.number < $1.number })
  }

  private static func precedes(_ a: Revision, _ b: Revision) -> Bool {
    a.savedAt != b.savedAt ? a.savedAt < b.savedAt : a.text.lexicographicallyPrecedes(b.text)
  }

  // MARK: - Events, notes, state

  private func remap(_ event: LetterMeta.Event, _ map: [UInt32: UInt32]) -> LetterMeta.Event {
    var event = event
    event.revision = map[event.revision] ?? event.revision
    return event
  }

  /// Union by (time, kind); local events keep their order, new ones are placed by time.
  private func mergeEvents(_ local: [LetterMeta.Event], _ incoming: [LetterMeta.Event])
    -> [LetterMeta.Event]
  {
    struct Key: Hashable {
      var at: Int64
      var kind: UInt8
    }
    var seen = Set(local.map { Key(at: $0.at, kind: $0.kind.rawValue) })
    var result = local
    for event in incoming where seen.insert(Key(at: event.at, kind: event.kind.rawValue)).inserted {
      let index = result.firstIndex { ($0.at, $0.kind.rawValue) > (event.at, event.kind.rawValue) } ?? result.endIndex
      result.insert(event, at: index)
    }
    return result
  }

  /// nil when the other copy has no note this one lacks; else the union by date and text.
  private func mergeNotes(_ local: [LetterSnapshot.NoteRecord], _ incoming: [LetterSnapshot.NoteRecord])
    -> [LetterSnapshot.NoteRecord]?
  {
    let known = Set(local)
    guard incoming.contains(where: { !known.contains($0) }) else { return nil }
    return Array(known.union(incoming)).sorted()
  }

  /// The state the history ends in: the latest state change wins (edits do not change it).
  static func walk(_ events: [LetterMeta.Event]) -> (state: LetterState?, pending: Bool?) {
    var state: LetterState?
    var pending: Bool?
    for event in events.sorted(by: { $0.at < $1.at }) {
      switch event.kind {
      case .created, .backToDraft:
        state = .draft
        if pending != nil { pending = false }
      case .held: state = .held
      case .sendRequested:
        state = .held
        pending = true
      case .sendCancelled: pending = false
      case .sent: state = .sent
      default: break
      }
    }
    return (state, pending)
  }

  /// The copy that sent the letter; the earlier send when both did.
  private func sentSide(_ a: LetterSnapshot, _ b: LetterSnapshot) -> LetterSnapshot? {
    switch (a.meta.state == .sent, b.meta.state == .sent) {
    case (true, false): return a
    case (false, true): return b
    case (true, true):
      if a.meta.sentAt != b.meta.sentAt { return a.meta.sentAt < b.meta.sentAt ? a : b }
      return Self.tieBreak(a, b)
    default: return nil
    }
  }

  /// Where recipient, subject and tags come from: the copy changed last.
  private func primary(_ a: LetterSnapshot, _ b: LetterSnapshot) -> LetterSnapshot {
    let ka = (a.meta.updatedAt, a.meta.lastEditAt)
    let kb = (b.meta.updatedAt, b.meta.lastEditAt)
    if ka != kb { return ka > kb ? a : b }
    return Self.tieBreak(a, b)
  }

  /// A fixed choice between two copies that compare equal: the smaller serialised form.
  private static func tieBreak(_ a: LetterSnapshot, _ b: LetterSnapshot) -> LetterSnapshot {
    var ma = a.meta
    var mb = b.meta
    (ma.letterKey, mb.letterKey) = ([], [])
    (ma.revisions, mb.revisions) = ([], [])
    return ma.serialized().lexicographicallyPrecedes(mb.serialized()) ? a : b
  }
}

