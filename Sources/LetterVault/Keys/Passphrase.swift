import VaultRecords
/// A passphrase, held in protected memory from the moment it is read (FORMAT.md §4.1).
///
/// Not `Codable`, not printable: there is no way to turn it back into a `String`.
public final class Passphrase: Sendable {
  let secret: SecretBytesBox

  /// Takes the bytes of `bytes` and wipes the caller's array afterwards.
  ///
  /// Exactly one trailing newline (`\n` or `\r\n`) is removed, as a passphrase file or command
  /// output ends with one; nothing else is trimmed.
  public init(consuming bytes: inout [UInt8]) {
    var end = bytes.count
    if end > 0, bytes[end - 1] == 0x0A {
      end -= 1
      if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
    }
    secret = SecretBytesBox(SecretBytes(copying: Self.normalised(bytes[0..<end])))
    wipe(&bytes)
  }

  /// FORMAT.md §4.1: non-ASCII UTF-8 is normalised to NFC, so "é" typed as one code point
  /// (Linux) or as e + U+0301 (macOS input, NFD) opens the same vault. NFC, not NFKD: it
  /// folds nothing the writer may have chosen on purpose. ASCII and bytes that are not
  /// UTF-8 are used exactly as given. The `String` this needs is a transient copy that
  /// cannot be wiped (FORMAT.md §14).
  static func normalised(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    guard bytes.contains(where: { $0 >= 0x80 }),
      let text = String(validating: bytes, as: UTF8.self)
    else { return bytes }
    return ArraySlice(text.precomposedStringWithCanonicalMapping.utf8)
  }

  /// A passphrase from a string (examples and tests; the CLI never builds one from a String).
  public convenience init(_ string: String) {
    var bytes = Array(string.utf8)
    self.init(consuming: &bytes)
  }

  /// The number of bytes, for the "at least 12 characters" check at creation.
  public var byteCount: Int { secret.value.count }

  /// True when both passphrases are the same bytes (constant time).
  public func matches(_ other: Passphrase) -> Bool {
    secret.value.constantTimeEquals(other.secret.value)
  }
}

/// Lets an immutable ``SecretBytes`` reference cross into a `Sendable` type: the buffer is
/// written once at creation and only read afterwards.
final class SecretBytesBox: @unchecked Sendable {
  let value: SecretBytes
  init(_ value: SecretBytes) { self.value = value }
}
