/// Seals and opens record envelopes: padding, associated data and the AEAD together
/// (FORMAT.md §5). Holds the vault's master key and derives each record's key on demand.
///
/// A class: every read hands it to each record it opens, and as a struct each copy retained
/// its six references (a tenth of a `search` over every letter, docs/PERFORMANCE.md). It holds
/// only constants and caches that were already shared, so nothing changes but the copying.
package final class RecordCipher {
  package init(vaultID: [UInt8], masterKey: SecretBytes, random: any RandomSource) {
    self.vaultID = vaultID
    self.masterKey = masterKey
    self.random = random
  }

  package let vaultID: [UInt8]
  package let masterKey: SecretBytes
  package let random: any RandomSource
  package let scratch = KeyScratch()
  package let manifestCache = ManifestCache()
  package let settingsCache = SettingsCache()

  // MARK: - Keys (FORMAT.md §4.3)

  package func metaKey(for id: LetterID) -> SecretBytes {
    KeyDerivation.derive(id: id.kdfID, context: "LVmeta01", from: masterKey)
  }

  package var settingsKey: SecretBytes { KeyDerivation.derive(id: 1, context: "LVsett01", from: masterKey) }
  package var manifestKey: SecretBytes { KeyDerivation.derive(id: 1, context: "LVmani01", from: masterKey) }

  package static func bodyKey(revision: UInt32, letterKey: SecretBytes) -> SecretBytes {
    KeyDerivation.derive(id: UInt64(revision), context: "LVbody01", from: letterKey)
  }

  package static func noteKey(number: UInt32, letterKey: SecretBytes) -> SecretBytes {
    KeyDerivation.derive(id: UInt64(number), context: "LVnote01", from: letterKey)
  }

  package static func fingerprintKey(letterKey: SecretBytes) -> SecretBytes {
    KeyDerivation.derive(id: 0, context: "LVfprt01", from: letterKey)
  }

  // MARK: - Envelopes

  /// Pads (as the field pads, FORMAT.md §5.3), encrypts with a fresh random nonce, and frames
  /// `plaintext`. `finely` is for tests that make rows as binaries before format 4 padded them.
  package func seal(
    _ plaintext: [UInt8], field: FieldTag, objectID: [UInt8], revision: UInt64, key: SecretBytes,
    finely: Bool? = nil
  ) -> [UInt8] {
    var padded = Padding.pad(plaintext, minimum: field.minimumBucket, finely: finely ?? field.padsFinely)
    defer { wipe(&padded) }
    let nonce = random.bytes(FormatConstant.nonceByteCount)
    let ad = AssociatedData.make(
      field: field, vaultID: vaultID, objectID: objectID, revision: revision)
    let sealed = padded.withUnsafeBytes { AEAD.seal($0, key: key, nonce: nonce, associatedData: ad) }
    return Envelope(field: field, nonce: nonce, sealed: sealed).bytes
  }

  /// Checks, authenticates and unpads an envelope; any failure is `Malformed`.
  package func open(
    _ stored: [UInt8], field: FieldTag, objectID: [UInt8], revision: UInt64, key: SecretBytes
  ) throws(ByteReader.Malformed) -> [UInt8] {
    try Envelope.validate(stored, expecting: field)
    let ad = AssociatedData.make(
      field: field, vaultID: vaultID, objectID: objectID, revision: revision)
    let opened = stored.withUnsafeBytes { raw in
      AEAD.open(
        UnsafeRawBufferPointer(rebasing: raw[32...]), key: key,
        nonce: UnsafeRawBufferPointer(rebasing: raw[8..<32]), associatedData: ad)
    }
    guard var plaintext = opened else {
      throw .init(reason: "stored data was changed or is damaged")
    }
    guard let length = plaintext.withUnsafeBytes({ Padding.unpaddedLength($0) }) else {
      wipe(&plaintext)
      throw .init(reason: "padding is damaged")
    }
    plaintext.removeSubrange(length...)
    return plaintext
  }
}
