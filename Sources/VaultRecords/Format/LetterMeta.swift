/// The plaintext of a letter's META record (FORMAT.md §6.1): everything about a letter except
/// its text. Decrypted by `list`, so it stays small and never contains the body.
package struct LetterMeta: Equatable {
  /// One saved revision of the text, with the hash of its stored envelope (FORMAT.md §7).
  package struct Revision: Equatable {
    package init(number: UInt32, savedAt: Int64, envelopeHash: [UInt8]) {
      self.number = number
      self.savedAt = savedAt
      self.envelopeHash = envelopeHash
    }

    package var number: UInt32
    package var savedAt: Int64
    package var envelopeHash: [UInt8]
  }

  /// One line of the letter's history (FORMAT.md §6.1 event kinds).
  package struct Event: Equatable {
    package init(at: Int64, kind: HistoryEntry.Kind, revision: UInt32, detail: String) {
      self.at = at
      self.kind = kind
      self.revision = revision
      self.detail = detail
    }

    package var at: Int64
    package var kind: HistoryEntry.Kind
    package var revision: UInt32
    package var detail: String
  }

  package var state: LetterState
  package var letterKey: [UInt8]
  package var createdAt: Int64
  package var updatedAt: Int64
  package var lastEditAt: Int64
  package var heldAt: Int64 = 0
  package var reviewOn: Int64 = 0
  package var sendRequestedAt: Int64 = 0
  package var releaseAt: Int64 = 0
  package var sentAt: Int64 = 0
  package var sentHow: UInt8 = 0
  package var holdBootID: [UInt8] = .init(repeating: 0, count: 16)
  package var holdBoottime: UInt64 = 0
  package var deliveryStartedAt: Int64 = 0
  package var deliveryError: String = ""
  package var recipient: String
  package var subject: String
  package var tags: [String]
  package var revisions: [Revision]
  package var events: [Event]
  package var noteCount: UInt32 = 0
  /// The latest release time this letter was ever given (ms; 0 = none): a new send request
  /// never gets an earlier one (FORMAT.md §6.1, COOLING-OFF.md "Changing the recipient").
  package var releaseFloor: Int64 = 0
  /// Set when a merge brought in "sent" while this vault still had the letter unsent
  /// (FORMAT.md §6.1; COOLING-OFF.md "Copies and imports").
  package var sentInCopy: SentInCopy?

  /// The head revision as stored; the only revision information a summary parse keeps.
  private var storedHead: UInt32 = 0

  package var headRevision: UInt32 { revisions.last?.number ?? storedHead }

  /// Whether a merge brought "sent" in while this vault held the letter; known from the
  /// `sent_how` bit even when a summary parse left the block unread.
  package var arrivedSent: Bool { sentInCopy != nil || storedArrivedSent }

  /// The `sent_how` bit as stored; only a summary parse keeps it (like `storedHead`).
  private var storedArrivedSent = false

  package static let formatVersion: UInt8 = 1

  package func serialized() -> [UInt8] {
    var writer = ByteWriter(capacity: 256 + revisions.count * 44 + events.count * 16)
    writer.u8(Self.formatVersion)
    writer.u8(state.rawValue)
    writer.raw(letterKey)
    for time in [
      createdAt, updatedAt, lastEditAt, heldAt, reviewOn, sendRequestedAt, releaseAt, sentAt,
    ] {
      writer.i64(time)
    }
    writer.u8(sentHow | (sentInCopy == nil ? 0 : SentInCopy.flag))
    writer.raw(holdBootID)
    writer.u64(holdBoottime)
    writer.i64(deliveryStartedAt)
    writer.text(deliveryError)
    writer.text(recipient)
    writer.text(subject)
    writer.u8(UInt8(tags.count))
    for tag in tags { writer.text(tag) }
    // Counts before the lists, so `list` can stop reading here (FORMAT.md §6.1).
    writer.u32(noteCount)
    writer.u32(headRevision)
    writer.u32(UInt32(revisions.count))
    for revision in revisions {
      writer.u32(revision.number)
      writer.i64(revision.savedAt)
      writer.raw(revision.envelopeHash)
    }
    writer.u32(UInt32(events.count))
    for event in events {
      writer.i64(event.at)
      writer.u8(event.kind.rawValue)
      writer.u32(event.revision)
      writer.text(event.detail)
    }
    // Only when set, so every other letter's bytes stay as they were (FORMAT.md §6.1).
    // The sent-in-a-copy block follows the floor, so the floor is written (0 too) before it.
    if releaseFloor != 0 || sentInCopy != nil { writer.i64(releaseFloor) }
    sentInCopy?.write(to: &writer)
    return writer.bytes
  }

  /// How much of a META a reader needs.
  package enum Depth {
    /// The fields of `list`'s line: no revisions, no events.
    case summary
    /// Those and the head revision (its number and envelope hash): enough to open the current
    /// text, as `search` and the library's bulk read (`SearchDesk.letters`) do; no older
    /// revisions, no events. `export` reads each letter whole, notes and all.
    case head
    /// Everything, every check: `show`, edits, `verify`.
    case full
  }

  /// Parses a META plaintext to `depth`. A shorter depth stops before the lists it does not
  /// need, and most of the cost with them (docs/PERFORMANCE.md). The bytes were authenticated by
  /// the AEAD before this runs; `show`, edits and `verify` always parse in full.
  package init(parsing bytes: [UInt8], depth: Depth = .full) throws(ByteReader.Malformed) {
    var reader = ByteReader(bytes)
    guard try reader.u8() == Self.formatVersion else { throw .init(reason: "metadata version") }
    guard let state = LetterState(rawValue: try reader.u8()) else {
      throw .init(reason: "unknown letter state")
    }
    self.state = state
    letterKey = try reader.raw(FormatConstant.keyByteCount)
    createdAt = try reader.i64()
    updatedAt = try reader.i64()
    lastEditAt = try reader.i64()
    heldAt = try reader.i64()
    reviewOn = try reader.i64()
    sendRequestedAt = try reader.i64()
    releaseAt = try reader.i64()
    sentAt = try reader.i64()
    let how = try reader.u8()
    sentHow = how & ~SentInCopy.flag
    storedArrivedSent = how & SentInCopy.flag != 0
    holdBootID = try reader.raw(16)
    holdBoottime = try reader.u64()
    deliveryStartedAt = try reader.i64()
    deliveryError = try reader.text()
    recipient = try reader.text()
    subject = try reader.text()
    let tagCount = Int(try reader.u8())
    guard tagCount <= FormatConstant.maximumTagCount else { throw .init(reason: "too many tags") }
    tags = []
    for _ in 0..<tagCount { tags.append(try reader.text()) }
    noteCount = try reader.u32()
    storedHead = try reader.u32()
    revisions = []
    events = []
    if depth == .summary { return }
    let revisionCount = try reader.count(
      cap: FormatConstant.maximumListCount, minimumElementSize: 44)
    if depth == .head {
      // Each revision is 44 bytes; only the last, the head, is read.
      guard revisionCount > 0 else { throw .init(reason: "revision list does not end at the head revision") }
      _ = try reader.span((revisionCount - 1) * 44)
      let head = Revision(number: try reader.u32(), savedAt: try reader.i64(), envelopeHash: try reader.raw(32))
      guard head.number == storedHead else {
        throw .init(reason: "revision list does not end at the head revision")
      }
      revisions = [head]
      return
    }
    revisions.reserveCapacity(revisionCount)
    for _ in 0..<revisionCount {
      revisions.append(
        Revision(number: try reader.u32(), savedAt: try reader.i64(), envelopeHash: try reader.raw(32)))
    }
    let eventCount = try reader.count(cap: FormatConstant.maximumListCount, minimumElementSize: 15)
    events.reserveCapacity(eventCount)
    for _ in 0..<eventCount {
      let at = try reader.i64()
      // Kind 11 is never stored: history shows it from the sent-in-a-copy block.
      guard let kind = HistoryEntry.Kind(rawValue: try reader.u8()), kind != .sentElsewhere else {
        throw .init(reason: "unknown history event")
      }
      events.append(Event(at: at, kind: kind, revision: try reader.u32(), detail: try reader.text()))
    }
    if reader.remaining > 0 || storedArrivedSent {
      releaseFloor = try reader.i64()
      // Written only when non-zero or followed by the copy's record (FORMAT.md §6.1): a stored
      // zero otherwise would be a second encoding of the same META, which the format never allows.
      guard releaseFloor != 0 || storedArrivedSent else {
        throw .init(reason: "release floor stored as zero")
      }
    }
    if storedArrivedSent { sentInCopy = try SentInCopy(reading: &reader) }
    try reader.finish()
    guard let last = revisions.last, last.number == storedHead else {
      throw .init(reason: "revision list does not end at the head revision")
    }
    // From here on the list is the truth; keep the struct equal to a freshly built one.
    storedHead = 0
    storedArrivedSent = false
  }

  package init(
    state: LetterState, letterKey: [UInt8], now: Int64, recipient: String, subject: String,
    tags: [String]
  ) {
    self.state = state
    self.letterKey = letterKey
    createdAt = now
    updatedAt = now
    lastEditAt = now
    self.recipient = recipient
    self.subject = subject
    self.tags = tags
    revisions = []
    events = []
  }
}
