import Foundation

/// Reading and writing the index records (META, SETTINGS) inside a transaction, with the
/// manifest checks of FORMAT.md §7 (the MANIFEST itself: RecordTransaction+Manifest.swift).
extension RecordTransaction {
  // MARK: - Settings

  @discardableResult
  package func storeSettings(_ settings: VaultSettings, epoch: UInt64) throws
    -> [UInt8]
  {
    try session.delete(AssociatedData.settingsObjectID, field: FieldTag.settings.rawValue)
    let envelope = cipher.seal(
      settings.serialized(), field: .settings, objectID: AssociatedData.settingsObjectID,
      revision: epoch, key: cipher.settingsKey)
    try session.put(
      AssociatedData.settingsObjectID, field: FieldTag.settings.rawValue, revision: epoch,
      envelope: envelope)
    return Hash.blake2b(envelope)
  }

  package func loadSettings(manifest: Manifest?) throws -> VaultSettings {
    try loadSettings(settingsHash: manifest?.settingsHash)
  }

  /// As above, checked against the hash from a ``ManifestIndex`` (no dictionary of entries).
  package func loadSettings(index: ManifestIndex) throws -> VaultSettings {
    try loadSettings(settingsHash: index.settingsHash)
  }

  private func loadSettings(settingsHash: [UInt8]?) throws -> VaultSettings {
    // The root just authenticated names these very bytes (SettingsCache.swift).
    if let settingsHash, let cached = cipher.settingsCache.settings(hash: settingsHash) { return cached }
    let rows = try session.objects(AssociatedData.settingsObjectID, field: FieldTag.settings.rawValue)
    guard rows.count == 1, let row = rows.first else {
      throw RecordError.damaged([Damage(letterID: nil, part: .settings, reason: "missing")])
    }
    do {
      if let settingsHash, Hash.blake2b(row.envelope) != settingsHash {
        throw ByteReader.Malformed(reason: "does not match the vault index")
      }
      let plaintext = try cipher.open(
        row.envelope, field: .settings, objectID: AssociatedData.settingsObjectID,
        revision: row.revision, key: cipher.settingsKey)
      let settings = try VaultSettings(parsing: plaintext)
      if let settingsHash { cipher.settingsCache.store(hash: settingsHash, settings: settings) }
      return settings
    } catch {
      throw RecordError.damaged([Damage(letterID: nil, part: .settings, reason: error.reason)])
    }
  }

  /// Stores changed settings inside a `mutate` transaction and records their hash.
  package func saveSettings(_ settings: VaultSettings, manifest: inout Manifest)
    throws
  {
    manifest.settingsHash = try storeSettings(settings, epoch: manifest.epoch + 1)
  }

  // MARK: - Letter metadata

  /// Decrypts a letter's META, checking it against the manifest when one is given.
  package func loadMeta(_ id: LetterID, manifest: Manifest?) throws -> (
    meta: LetterMeta, version: UInt64
  ) {
    let rows = try session.objects(id.bytes, field: FieldTag.meta.rawValue)
    guard let row = rows.last else { throw RecordError.letterNotFound(id.short) }
    return (try openMeta(row, id: id, manifest: manifest), row.revision)
  }

  package func openMeta(_ row: StoredObject, id: LetterID, manifest: Manifest?) throws -> LetterMeta {
    try row.envelope.withUnsafeBytes { raw in
      try openMeta(envelope: raw, version: row.revision, id: id, manifest: manifest)
    }
  }

  /// Checks a META envelope against the manifest, then opens and parses it, in place.
  package func openMeta(
    envelope: UnsafeRawBufferPointer, version: UInt64, id: LetterID, manifest: Manifest?,
    depth: LetterMeta.Depth = .full
  ) throws -> LetterMeta {
    try openMeta(
      envelope: envelope, version: version, id: id,
      indexEntry: try manifest.flatMap { try indexEntry(id, in: $0) }, depth: depth)
  }

  /// As above, with the manifest entry already looked up (a scan looks each id up once):
  /// `indexEntry` is nil without a manifest, `.some(nil)` when the id is not in it.
  ///
  /// `cipher` replaces the vault's own for a worker thread of a parallel scan (each worker
  /// needs its own key scratch; Vault+Search.swift).
  package func openMeta(
    envelope: UnsafeRawBufferPointer, version: UInt64, id: LetterID,
    indexEntry: Manifest.Entry??, depth: LetterMeta.Depth, using cipher: RecordCipher? = nil
  ) throws -> LetterMeta {
    let cipher = cipher ?? self.cipher
    do {
      if let indexEntry {
        guard let entry = indexEntry else {
          throw ByteReader.Malformed(reason: "not in the vault index")
        }
        guard entry.metaVersion == version, entry.metaHash == Hash.blake2b(envelope) else {
          throw ByteReader.Malformed(reason: "does not match the vault index (an older or altered copy)")
        }
      }
      let plaintext = try cipher.open(
        envelope, field: .meta, objectID: id.bytes, revision: version, key: .meta(id))
      return try LetterMeta(parsing: plaintext, depth: depth)
    } catch {
      throw RecordError.damaged([Damage(letterID: id.description, part: .metadata, reason: error.reason)])
    }
  }

  package func storeMeta(
    _ meta: LetterMeta, for id: LetterID, version: UInt64,
    manifest: inout Manifest
  ) throws {
    try session.delete(id.bytes, field: FieldTag.meta.rawValue)
    let envelope = cipher.seal(
      meta.serialized(), field: .meta, objectID: id.bytes, revision: version,
      key: cipher.metaKey(for: id))
    try session.put(id.bytes, field: FieldTag.meta.rawValue, revision: version, envelope: envelope)
    let hash = Hash.blake2b(envelope)
    manifest.entries[id.bytes] = Manifest.Entry(letterID: id.bytes, metaVersion: version, metaHash: hash)
    manifest.noteListing(
      ListingEntry(letterID: id.bytes, metaVersion: version, metaHash: hash, meta: meta),
      headHash: meta.revisions.last?.envelopeHash ?? [])
  }

  /// Loads a letter's META, lets `change` edit it, and stores it as the next version, in this
  /// transaction: the one place a letter's state changes (ARCHITECTURE.md "The record
  /// layer"). `change` gets the manifest too, for a change that also stores a text
  /// (`storeBody` notes its signature there); a change that leaves META as it was stores
  /// nothing.
  package func update<T>(
    _ id: LetterID, in manifest: inout Manifest, _ change: (inout LetterMeta, inout Manifest) throws -> T
  ) throws -> T {
    var (meta, version) = try loadMeta(id, manifest: manifest)
    let before = meta
    let result = try change(&meta, &manifest)
    if meta != before { try storeMeta(meta, for: id, version: version + 1, manifest: &manifest) }
    return result
  }

  // MARK: - Bodies

  /// Seals and stores one text revision; returns its envelope hash. Its signature goes to
  /// `manifest` for the TEXT INDEX (FORMAT.md §6.7), used if this text is the head.
  package func storeBody(
    _ body: [UInt8], id: LetterID, revision: UInt32, letterKey: SecretBytes, manifest: inout Manifest
  ) throws -> [UInt8] {
    let envelope = cipher.seal(
      body, field: .body, objectID: id.bytes, revision: UInt64(revision),
      key: RecordCipher.bodyKey(revision: revision, letterKey: letterKey))
    try session.put(id.bytes, field: FieldTag.body.rawValue, revision: UInt64(revision), envelope: envelope)
    let hash = Hash.blake2b(envelope)
    manifest.noteSignature(of: body, letterID: id.bytes, bodyHash: hash)
    return hash
  }

  package func loadBody(
    _ id: LetterID, meta: LetterMeta, revision: LetterMeta.Revision
  ) throws -> [UInt8] {
    let part = Damage.Part.text(revision: UInt64(revision.number))
    guard
      let envelope = try session.object(
        id.bytes, field: FieldTag.body.rawValue, revision: UInt64(revision.number))
    else {
      throw RecordError.damaged([Damage(letterID: id.description, part: part, reason: "missing")])
    }
    return try envelope.withUnsafeBytes { raw in
      try openBody(envelope: raw, id: id, meta: meta, revision: revision)
    }
  }

  /// Checks a BODY envelope against META's hash list, then opens it in place.
  package func openBody(
    envelope: UnsafeRawBufferPointer, id: LetterID, meta: LetterMeta, revision: LetterMeta.Revision,
    using cipher: RecordCipher? = nil
  ) throws -> [UInt8] {
    let cipher = cipher ?? self.cipher
    do {
      guard Hash.blake2b(envelope) == revision.envelopeHash else {
        throw ByteReader.Malformed(reason: "does not match the letter's metadata")
      }
      return try cipher.open(
        envelope, field: .body, objectID: id.bytes, revision: UInt64(revision.number),
        key: .body(revision: revision.number, letterKey: meta.letterKey))
    } catch {
      throw RecordError.damaged([
        Damage(letterID: id.description, part: .text(revision: UInt64(revision.number)), reason: error.reason)
      ])
    }
  }
}

extension Error {
  /// The short reason of a parse failure, or a neutral phrase.
  package var reason: String {
    (self as? ByteReader.Malformed)?.reason ?? "stored data was changed or is damaged"
  }
}
