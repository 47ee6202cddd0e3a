import Foundation

/// The last MANIFEST plaintext a cipher opened, keyed by the exact envelope and revision.
///
/// Opening a vault from the key cache, the watermark check, the clock check and then the
/// command each authenticate the same MANIFEST root (docs/PERFORMANCE.md); a format-1 row
/// held every entry, ~570 KB at 10,000 letters. Identical envelope bytes at the identical revision, opened under
/// the same key, give the identical plaintext, so the AEAD is skipped on a match; anything
/// else is opened and checked as always. It lives in the ``RecordCipher``, so a new master
/// key (burn) starts with an empty cache. Not thread-safe, like the key scratch.
package final class ManifestCache {
  private var revision: UInt64 = 0
  private var envelope: [UInt8] = []
  private var plaintext: [UInt8]?

  /// The plaintext of `envelope` at `revision` if it was the last one opened, else nil.
  package func plaintext(revision: UInt64, envelope: [UInt8]) -> [UInt8]? {
    guard let plaintext, revision == self.revision, envelope == self.envelope else { return nil }
    return plaintext
  }

  /// As `plaintext(revision:envelope:)`, for an envelope still in SQLite's buffer.
  package func plaintext(revision: UInt64, bytes: UnsafeRawBufferPointer) -> [UInt8]? {
    guard let plaintext, revision == self.revision, bytes.count == envelope.count else { return nil }
    let same = envelope.withUnsafeBytes { own in
      bytes.count == 0 || memcmp(own.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }
    return same ? plaintext : nil
  }

  package func store(revision: UInt64, envelope: [UInt8], plaintext: [UInt8]) {
    self.revision = revision
    self.envelope = envelope
    self.plaintext = plaintext
  }
}
