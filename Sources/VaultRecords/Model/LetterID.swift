/// A letter's random 16-byte id, shown as 32 lowercase hex characters (FORMAT.md §3).
///
/// Random, never time-based: a v1/v7 UUID would reveal when a letter was written.
public struct LetterID: Hashable, Sendable, CustomStringConvertible, Comparable {
  /// The 16 raw bytes.
  public let bytes: [UInt8]

  package init(bytes: [UInt8]) {
    precondition(bytes.count == FormatConstant.idByteCount)
    self.bytes = bytes
  }

  /// The full hex id.
  public var description: String { Hex.encode(bytes) }

  /// The first 8 hex characters, as `list` shows them.
  public var short: String { Hex.encode(bytes.prefix(4)) }

  /// The 64-bit number `crypto_kdf` uses for this letter's META key (FORMAT.md §4.3).
  package var kdfID: UInt64 {
    bytes[0..<8].enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
  }

  /// Byte order of the raw ids (stable, and meaningless: ids are random).
  public static func < (lhs: LetterID, rhs: LetterID) -> Bool {
    lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
  }
}

/// Lowercase hex without Foundation formatting (hot in `list`).
package enum Hex {
  private static let digits = Array("0123456789abcdef".utf8)

  package static func encode(_ bytes: some Collection<UInt8>) -> String {
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// True when `text` is non-empty lowercase-or-uppercase hex.
  package static func isHex(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0 | 0x20) }
  }
}
