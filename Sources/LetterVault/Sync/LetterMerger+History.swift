import VaultRecords
/// Merging history, notes and state (FORMAT.md §16 "Merge rules" 3–9).
extension LetterMerger {
  func remap(_ event: LetterMeta.Event, _ map: [UInt32: UInt32]) -> LetterMeta.Event {
    var event = event
    event.revision = map[event.revision] ?? event.revision
    return event
  }

  /// Union by (time, kind); local events keep their order, new ones are placed by time.
  func mergeEvents(_ local: [LetterMeta.Event], _ incoming: [LetterMeta.Event])
    -> [LetterMeta.Event]
  {
    struct Key: Hashable {
      var at: Int64
      var kind: UInt8
    }
    var seen = Set(local.map { Key(at: $0.at, kind: $0.kind.rawValue) })
    var result = local
    for event in incoming where seen.insert(Key(at: event.at, kind: event.kind.rawValue)).inserted {
      let index =
        result.firstIndex { ($0.at, $0.kind.rawValue) > (event.at, event.kind.rawValue) }
        ?? result.endIndex
      result.insert(event, at: index)
    }
    return result
  }

  /// nil when the other copy has no note this one lacks; else the union by date and text.
  func mergeNotes(
    _ local: [LetterSnapshot.NoteRecord], _ incoming: [LetterSnapshot.NoteRecord]
  )
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
  func sentSide(_ a: LetterSnapshot, _ b: LetterSnapshot) -> LetterSnapshot? {
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
  func primary(_ a: LetterSnapshot, _ b: LetterSnapshot) -> LetterSnapshot {
    let ka = (a.meta.updatedAt, a.meta.lastEditAt)
    let kb = (b.meta.updatedAt, b.meta.lastEditAt)
    if ka != kb { return ka > kb ? a : b }
    return Self.tieBreak(a, b)
  }

  /// A fixed choice between two copies that compare equal: the smaller serialised form.
  static func tieBreak(_ a: LetterSnapshot, _ b: LetterSnapshot) -> LetterSnapshot {
    var ma = a.meta
    var mb = b.meta
    (ma.letterKey, mb.letterKey) = ([], [])
    (ma.revisions, mb.revisions) = ([], [])
    return ma.serialized().lexicographicallyPrecedes(mb.serialized()) ? a : b
  }
}
