import VaultRecords
/// Merges one letter from another copy of the vault into this one (FORMAT.md §16 "Merge rules"). Pure: it reads two decrypted snapshots and returns a plan.
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

  /// When this merge runs and which copy it reads: recorded when the copy brings in "sent"
  /// for a letter this vault still holds (COOLING-OFF.md "Copies and imports").
  struct Arrival {
    var at: Int64
    var copy: String
  }

  /// The cooling-off period in milliseconds for a recipient, from this vault's settings.
  let coolingOff: (String) -> Int64
  var arrival = Arrival(at: 0, copy: "")

  // MARK: - Letters

  /// nil when the incoming copy adds nothing to the local one.
  func merge(local: LetterSnapshot?, incoming: LetterSnapshot) -> Plan? {
    guard let local else { return adopt(incoming) }
    let (revisions, mapLocal, mapIncoming, conflicts) = mergeRevisions(local, incoming)
    var meta = local.meta
    let a = local.meta
    let b = incoming.meta
    meta.events = mergeEvents(
      a.events.map { remap($0, mapLocal) }, b.events.map { remap($0, mapIncoming) })
    meta.createdAt = min(a.createdAt, b.createdAt)
    meta.updatedAt = max(a.updatedAt, b.updatedAt)
    meta.lastEditAt = max(a.lastEditAt, b.lastEditAt)
    meta.heldAt = max(a.heldAt, b.heldAt)
    meta.reviewOn = max(a.reviewOn, b.reviewOn)
    meta.deliveryStartedAt = max(a.deliveryStartedAt, b.deliveryStartedAt)
    // The later floor on either side: no copy's cancel shortens a request (COOLING-OFF.md).
    meta.releaseFloor = max(a.releaseFloor, b.releaseFloor)
    let holdSide =
      a.heldAt == b.heldAt ? primary(local, incoming).meta : (a.heldAt > b.heldAt ? a : b)
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
      // Taken, since the other computer may really have sent it, but kept in view here: when
      // it arrived, from where, and when this vault would have let it go. Only this vault's
      // own record counts; another copy's never travels (FORMAT.md §6.1).
      if a.state != .sent, a.sentInCopy == nil {
        meta.sentInCopy = SentInCopy(
          arrivedAt: arrival.at, wouldReleaseAt: a.releaseAt, source: arrival.copy)
      }
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
        meta.releaseAt = max(
          a.releaseAt, b.releaseAt, meta.lastEditAt + coolingOff(details.meta.recipient))
      } else {
        meta.sendRequestedAt = 0
        meta.releaseAt = 0
      }
    }
    meta.releaseFloor = max(meta.releaseFloor, meta.releaseAt)
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
    // What a reader would call "details": dates follow from the added revisions and notes.
    let detailsChanged =
      (meta.recipient, meta.subject, meta.reviewOn, meta.releaseAt, meta.sentAt)
      != (a.recipient, a.subject, a.reviewOn, a.releaseAt, a.sentAt) || meta.tags != a.tags
    let localNumbers = Set(a.revisions.map(\.number))
    let change = LetterMergeChange(
      id: local.id, isNew: false,
      addedRevisions: rewrites.map { Int($0.number) }.filter { !localNumbers.contains(UInt32($0)) },
      conflicts: conflicts, stateBefore: a.state, stateAfter: meta.state,
      addedNotes: (notes?.count ?? local.notes.count) - local.notes.count,
      addedEvents: meta.events.count - a.events.count, detailsChanged: detailsChanged)
    return Plan(
      meta: meta, revisions: revisionList, notes: notes,
      version: max(local.version, incoming.version) + 1, change: change)
  }

  /// A letter only the other copy has comes in whole.
  private func adopt(_ incoming: LetterSnapshot) -> Plan {
    let revisions = incoming.meta.revisions.map {
      Revision(number: $0.number, savedAt: $0.savedAt, text: incoming.texts[$0.number] ?? [])
    }
    var meta = incoming.meta
    // The other copy's record of a letter sent elsewhere is about that copy, not this one.
    meta.sentInCopy = nil
    let change = LetterMergeChange(
      id: incoming.id, isNew: true, addedRevisions: revisions.map { Int($0.number) }, conflicts: [],
      stateBefore: nil, stateAfter: incoming.meta.state, addedNotes: incoming.notes.count,
      addedEvents: incoming.meta.events.count, detailsChanged: true)
    return Plan(
      meta: meta, revisions: revisions, notes: incoming.notes,
      version: incoming.version, change: change)
  }
}
