import VaultRecords
import Foundation

/// Write-only capture (`letters jot`, FORMAT.md §6.5): text sealed to the vault's public key
/// with no passphrase, so writing at 3 a.m. needs no unlock and cannot reopen older letters.
/// Captures join the vault as drafts, keeping their time, the next time it is unlocked.
extension LetterDesk {
  static func jot(
    _ draft: LetterDraft, at path: String, clock: any VaultClock = SystemClock()
  ) throws(VaultError) {
    try VaultError.translating { try Sodium.ensureReady() }
    _ = try Validation.fields(recipient: draft.recipient, subject: draft.subject, tags: draft.tags)
    try Validation.body(draft.body)
    let database = try VaultError.translating(path: path) { try VaultDatabase.open(at: path) }
    var plaintext = ByteWriter(capacity: draft.body.count + 64)
    plaintext.u8(CaptureConstant.version)
    plaintext.i64(clock.now().storedMilliseconds)
    plaintext.text(draft.recipient)
    plaintext.text(draft.subject)
    plaintext.blob(draft.body)
    var padded = Padding.pad(plaintext.bytes, minimum: FormatConstant.minimumBodyBucket)
    defer { wipe(&padded) }
    try VaultError.translating(path: path) {
      try database.appendCapture { publicKey in
        guard let publicKey else { throw VaultError.notAllowed(.noCaptureKey) }
        let row = CaptureConstant.magic + [CaptureConstant.version] + SealedBox.seal(padded, to: publicKey)
        let objectID =
          CaptureConstant.objectIDPrefix
          + SystemRandom().bytes(FormatConstant.idByteCount - CaptureConstant.objectIDPrefix.count)
        return (objectID, row)
      }
    }
  }

  /// Notices, at every open, a clear-text capture public key that is not the one the secret
  /// half in the authenticated SETTINGS gives: someone who could write the file swapped it to
  /// read later jots (FORMAT.md §6.5, SECURITY.md §2.4). `damage` is what `captureKeyDamage`
  /// found in the read of ``Vault/noticeOnOpen()``. A warning, not a refusal: one changed row
  /// must not lock the writer out of every letter; `verify` names it (65), and `passwd` makes
  /// a new pair.
  func noticeCaptureKey(_ damage: Damage?) {
    if damage != nil, !unlockState.warnings.contains(.captureKeyChanged) {
      unlockState.warnings.append(.captureKeyChanged)
    }
  }

  /// Captures still in the file after they were taken in: set aside, never blocking the rest.
  func capturesSetAside() throws(VaultError) -> Int {
    try records.read { tx in try tx.captureRows().count }
  }

  @discardableResult
  func acceptCaptures() throws(VaultError) -> (accepted: [LetterID], unreadable: [Damage]) {
    let anyWaiting = try records.read { tx in
      !(try tx.captureRows().isEmpty)
    }
    guard anyWaiting else { return ([], []) }
    return try mutate { tx, manifest in
      // Read again inside the write lock: another process may have taken them meanwhile.
      let waiting = try tx.captureRows()
      let settings = try tx.loadSettings(manifest: manifest)
      let secretKey = SecretBytes(copying: settings.captureSecretKey)
      // The public key sits in clear; anyone who can write the file could swap it for theirs.
      // It must still match the secret half kept inside the encrypted settings.
      guard let publicKey = try tx.capturePublicKey(), !settings.captureSecretKey.isEmpty,
        publicKey == SealedBox.publicKey(for: secretKey)
      else {
        // Every waiting jot stays where it is, unread: it may have been sealed to the swapped
        // key. Named once; the letters and the command go on (`verify` names it too).
        return ([], [Damage(letterID: nil, part: .captureKey, reason: "the public key does not match the vault's own")])
      }
      var accepted: [LetterID] = []
      var unreadable: [Damage] = []
      for row in waiting.sorted(by: { $0.objectID.lexicographicallyPrecedes($1.objectID) }) {
        guard let capture = Self.openCapture(row.envelope, publicKey: publicKey, secretKey: secretKey) else {
          unreadable.append(Damage(letterID: nil, part: .jottedText, reason: "could not be opened; it was left as it is"))
          continue
        }
        let draft = LetterDraft(recipient: capture.recipient, subject: capture.subject, body: capture.body)
        // A capture whose fields break the limits (anyone can write one) is set aside like an
        // unreadable one; it never blocks the others or the command (FORMAT.md §6.5).
        let id: LetterID
        do {
          id = try insertLetter(
            draft, createdAt: capture.at, detail: "jotted while locked", in: tx, manifest: &manifest)
        } catch VaultError.invalidInput {
          unreadable.append(Damage(letterID: nil, part: .jottedText, reason: "does not fit a letter's limits; it was left as it is"))
          continue
        }
        try tx.delete(row.objectID, field: CaptureConstant.rowKind)
        accepted.append(id)
      }
      return (accepted, unreadable)
    }
  }

  private struct Capture {
    let at: Int64
    let recipient: String
    let subject: String
    let body: [UInt8]
  }

  private static func openCapture(_ row: [UInt8], publicKey: [UInt8], secretKey: SecretBytes) -> Capture? {
    let header = CaptureConstant.magic + [CaptureConstant.version]
    guard row.count > header.count, Array(row[0..<header.count]) == header,
      var padded = SealedBox.open(Array(row[header.count...]), publicKey: publicKey, secretKey: secretKey)
    else { return nil }
    defer { wipe(&padded) }
    guard let length = padded.withUnsafeBytes({ Padding.unpaddedLength($0) }) else { return nil }
    var reader = ByteReader(Array(padded[0..<length]))
    guard (try? reader.u8()) == CaptureConstant.version,
      let at = try? reader.i64(), let recipient = try? reader.text(), let subject = try? reader.text(),
      let body = try? reader.blob(cap: FormatConstant.maximumBodyByteCount), (try? reader.finish()) != nil
    else { return nil }
    return Capture(at: at, recipient: recipient, subject: subject, body: body)
  }
}
