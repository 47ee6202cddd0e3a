/// The short fingerprint a writer confirms a release with (FORMAT.md §4.4).
extension RecordCipher {
  /// 12 hex characters of a keyed BLAKE2b over revision, recipient, subject and text
  /// (FORMAT.md §4.4), shown as `a1b2-c3d4-e5f6`. Keyed with the letter's key, so it reveals
  /// nothing to someone who only sees it printed.
  package func fingerprint(_ meta: LetterMeta, body: [UInt8]) -> String {
    var writer = ByteWriter(capacity: body.count + 64)
    writer.raw(Array("LVfp".utf8))
    writer.u32(meta.headRevision)
    writer.text(meta.recipient)
    writer.text(meta.subject)
    writer.raw(body)
    // K_fp (FORMAT.md §4.3) in the cipher's reused protected buffers: two `sodium_malloc`s per
    // letter (mmap, mlock, mprotect) were a sixth of exporting 10,000 letters (docs/PERFORMANCE.md).
    let scratch = self.scratch
    scratch.letterKey.assign(meta.letterKey)
    KeyDerivation.derive(into: scratch.subkey, id: 0, context: "LVfprt01", from: scratch.letterKey)
    let hex = Hex.encode(Hash.blake2b(writer.bytes, key: scratch.subkey, length: 6))
    let chars = Array(hex)
    return "\(String(chars[0..<4]))-\(String(chars[4..<8]))-\(String(chars[8..<12]))"
  }
}
