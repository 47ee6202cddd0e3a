import VaultRecords
import Foundation

/// Writing, editing and reading letters (FORMAT.md §10.3–§10.5).
struct LetterDesk: VaultService {
  let context: VaultContext

  func write(_ draft: LetterDraft) throws(VaultError) -> LetterID {
    let now = clock.now().storedMilliseconds
    return try mutate { tx, manifest in
      try insertLetter(draft, createdAt: now, in: tx, manifest: &manifest)
    }
  }

  /// Validates and stores a new letter inside a `mutate` transaction (FORMAT.md §10.3).
  func insertLetter(
    _ draft: LetterDraft, createdAt: Int64, state: LetterState = .draft, detail: String = "",
    in tx: RecordTransaction, manifest: inout Manifest
  ) throws -> LetterID {
    let fields = try Validation.fields(recipient: draft.recipient, subject: draft.subject, tags: draft.tags)
    try Validation.body(draft.body)
    let id = LetterID(bytes: random.bytes(FormatConstant.idByteCount))
    let letterKey = SecretBytes.random(count: FormatConstant.keyByteCount, from: random)
    let hash = try tx.storeBody(
      draft.body, id: id, revision: 1, letterKey: letterKey, manifest: &manifest)
    var meta = LetterMeta(
      state: state, letterKey: letterKey.withUnsafeBytes { Array($0) }, now: createdAt,
      recipient: fields.recipient, subject: fields.subject, tags: fields.tags)
    meta.revisions = [.init(number: 1, savedAt: createdAt, envelopeHash: hash)]
    meta.events = [.init(at: createdAt, kind: .created, revision: 1, detail: detail)]
    try tx.storeMeta(meta, for: id, version: 1, manifest: &manifest)
    return id
  }

  func edit(
    _ id: LetterID, body: [UInt8]? = nil, recipient: String? = nil, subject: String? = nil,
    tags: [String]? = nil, basedOn: Int? = nil
  ) throws(VaultError) {
    if let body { try Validation.body(body) }
    let now = clock.now().storedMilliseconds
    try mutate { tx, manifest in
      try tx.update(id, in: &manifest) { meta, manifest in
        guard meta.state != .sent else {
          throw VaultError.notAllowed(.sentTextIsKept(id))
        }
        // Checked in the write transaction, so no other save can come in between.
        if let basedOn, Int(meta.headRevision) != basedOn {
          throw VaultError.notAllowed(.changedSinceRead(id, revision: Int(meta.headRevision)))
        }
        let fields = try Validation.fields(
          recipient: recipient ?? meta.recipient, subject: subject ?? meta.subject,
          tags: tags ?? meta.tags)
        let text = try body ?? tx.loadBody(id, meta: meta, revision: meta.revisions.last!)
        let revision = meta.headRevision + 1
        let hash = try tx.storeBody(
          text, id: id, revision: revision, letterKey: SecretBytes(copying: meta.letterKey),
          manifest: &manifest)
        meta.revisions.append(.init(number: revision, savedAt: now, envelopeHash: hash))
        meta.recipient = fields.recipient
        meta.subject = fields.subject
        meta.tags = fields.tags
        meta.lastEditAt = now
        meta.updatedAt = now
        meta.events.append(.init(at: now, kind: .edited, revision: revision, detail: ""))
        try rescheduleAfterEdit(&meta, now: now, in: tx, manifest: manifest)
      }
    }
  }

  func letter(_ id: LetterID) throws(VaultError) -> Letter {
    try records.read { tx in
      // The root and one bucket of the manifest: `show` reads one letter (docs/PERFORMANCE.md).
      let entry = try tx.manifestEntry(for: id)
      let rows = try tx.rows(id.bytes, field: .meta)
      guard let row = rows.last else { throw VaultError.letterNotFound(id.short) }
      let meta = try row.envelope.withUnsafeBytes { raw in
        try tx.openMeta(
          envelope: raw, version: row.revision, id: id, indexEntry: entry,
          depth: .full)
      }
      let body = try tx.loadBody(id, meta: meta, revision: meta.revisions.last!)
      return Letter(
        summary: LetterFacts.summary(id, meta), body: String(decoding: body, as: UTF8.self),
        fingerprint: cipher.fingerprint(meta, body: body))
    }
  }

  func resolve(_ prefix: String) throws(VaultError) -> LetterID {
    let wanted = prefix.lowercased()
    guard wanted.count >= 4 else {
      throw .invalidInput(.idTooShort)
    }
    guard Hex.isHex(wanted), wanted.count <= 32 else { throw .letterNotFound(prefix) }
    let matches = try records.read { tx in
      try tx.objectIDs(field: .meta, hexPrefix: wanted)
    }
    switch matches.count {
    case 0:
      if let gone = try missingLetter(matching: wanted) { throw .damaged([.missingLetter(gone)]) }
      throw .letterNotFound(prefix)
    case 1: return LetterID(bytes: matches[0])
    default: throw .ambiguousID(prefix, matches: matches.count)
    }
  }

  @discardableResult
  func hold(_ id: LetterID, reviewOn: Date? = nil) throws(VaultError) -> Bool {
    let now = clock.now().storedMilliseconds
    return try mutate { tx, manifest in
      try tx.update(id, in: &manifest) { meta, manifest in
        guard meta.state != .sent else {
          throw VaultError.notAllowed(.sentCannotBeHeld(id))
        }
        if meta.state == .draft {
          meta.state = .held
          meta.heldAt = now
          meta.events.append(.init(at: now, kind: .held, revision: meta.headRevision, detail: ""))
        }
        if let reviewOn { meta.reviewOn = reviewOn.storedMilliseconds }
        meta.updatedAt = now
        return meta.hasSendRequest
      }
    }
  }

  func history(_ id: LetterID) throws(VaultError) -> [HistoryEntry] {
    try records.read { tx in
      let manifest = try tx.readableManifest()
      let (meta, _) = try tx.loadMeta(id, manifest: manifest)
      let stored = meta.events.map {
        HistoryEntry(
          kind: $0.kind, date: Date(storedMilliseconds: $0.at), revision: Int($0.revision),
          detail: $0.detail)
      }
      return Self.withSentElsewhere(stored, id, meta)
    }
  }

  // MARK: - Helpers

  /// Restarts a pending send request's cooling-off from the edit (FORMAT.md §9.2): a full
  /// period from now for the (possibly new) recipient, never earlier than the deadline it
  /// had, with fresh clock evidence (COOLING-OFF.md "The clock") so the boot clock is asked for the
  /// whole period again.
  func rescheduleAfterEdit(
    _ meta: inout LetterMeta, now: Int64, in tx: RecordTransaction, manifest: Manifest
  ) throws {
    guard meta.hasSendRequest else { return }
    let cooling = try tx.loadSettings(manifest: manifest).cooling
    let reading = ClockReading(wall: now, boot: clock.boot())
    meta.startCoolingOff(at: reading, under: cooling)
  }
}
