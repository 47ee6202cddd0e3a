/// Which key protects a record (FORMAT.md §4.3). ``RecordCipher`` derives it into a reused
/// protected buffer, so a scan over 10,000 letters makes no per-record `sodium_malloc`.
package enum RecordKey {
  case meta(LetterID)
  case settings
  case manifest
  case listing
  case textIndex
  case body(revision: UInt32, letterKey: [UInt8])
  case note(number: UInt32, letterKey: [UInt8])
}

/// Two protected 32-byte buffers reused for derived keys. Not thread-safe: a `Vault` is used
/// from one thread at a time.
package final class KeyScratch {
  package let subkey = SecretBytes(count: 32)
  package let letterKey = SecretBytes(count: 32)
}

extension RecordCipher {
  /// Derives `key` into the scratch buffer and runs `body` with it.
  package func withKey<R>(_ key: RecordKey, _ body: (SecretBytes) throws -> R) rethrows -> R {
    let out = scratch.subkey
    switch key {
    case .meta(let id): KeyDerivation.derive(into: out, id: id.kdfID, context: "LVmeta01", from: masterKey)
    case .settings: KeyDerivation.derive(into: out, id: 1, context: "LVsett01", from: masterKey)
    case .manifest: KeyDerivation.derive(into: out, id: 1, context: "LVmani01", from: masterKey)
    case .listing: KeyDerivation.derive(into: out, id: 1, context: "LVlist01", from: masterKey)
    case .textIndex: KeyDerivation.derive(into: out, id: 1, context: "LVtidx01", from: masterKey)
    case .body(let revision, let letterKey):
      scratch.letterKey.assign(letterKey)
      KeyDerivation.derive(into: out, id: UInt64(revision), context: "LVbody01", from: scratch.letterKey)
    case .note(let number, let letterKey):
      scratch.letterKey.assign(letterKey)
      KeyDerivation.derive(into: out, id: UInt64(number), context: "LVnote01", from: scratch.letterKey)
    }
    return try body(out)
  }

  /// Opens an envelope in place (no copy of the stored bytes).
  package func open(
    _ stored: UnsafeRawBufferPointer, field: FieldTag, objectID: [UInt8], revision: UInt64,
    key: RecordKey
  ) throws(ByteReader.Malformed) -> [UInt8] {
    try Envelope.validate(stored, expecting: field)
    let ad = AssociatedData.make(field: field, vaultID: vaultID, objectID: objectID, revision: revision)
    let opened = withKey(key) { secret in
      AEAD.open(
        UnsafeRawBufferPointer(rebasing: stored[32...]), key: secret,
        nonce: UnsafeRawBufferPointer(rebasing: stored[8..<32]), associatedData: ad)
    }
    guard var plaintext = opened else { throw .init(reason: "stored data was changed or is damaged") }
    guard let length = plaintext.withUnsafeBytes({ Padding.unpaddedLength($0) }) else {
      wipe(&plaintext)
      throw .init(reason: "padding is damaged")
    }
    plaintext.removeSubrange(length...)
    return plaintext
  }

  /// Seals with a scratch-derived key.
  package func seal(
    _ plaintext: [UInt8], field: FieldTag, objectID: [UInt8], revision: UInt64, key: RecordKey
  ) -> [UInt8] {
    withKey(key) { secret in
      seal(plaintext, field: field, objectID: objectID, revision: revision, key: secret)
    }
  }
}
