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
    return Self.grouped(Hash.blake2b(writer.bytes, key: scratch.subkey, length: 6))
  }

  /// Six bytes as `a1b2-c3d4-e5f6`, written as bytes: building it from Characters was a
  /// third of the fingerprint's cost in an export (docs/PERFORMANCE.md, round 6).
  static func grouped(_ hash: [UInt8]) -> String {
    let digits: StaticString = "0123456789abcdef"
    return String(unsafeUninitializedCapacity: 14) { out in
      var at = 0
      for (number, byte) in hash.enumerated() {
        if number > 0, number.isMultiple(of: 2) {
          out[at] = UInt8(ascii: "-")
          at += 1
        }
        out[at] = digits.utf8Start[Int(byte >> 4)]
        out[at + 1] = digits.utf8Start[Int(byte & 0x0F)]
        at += 2
      }
      return at
    }
  }
}
