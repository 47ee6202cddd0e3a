/// The printed form of a recovery key (FORMAT.md §15.1, SECURITY.md §2.2):
///
/// ```
/// LVR1-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-CC
/// ```
///
/// 20 key bytes as 32 Crockford base32 characters in groups of 4, then 2 check characters
/// holding the first 10 bits of BLAKE2b-256("LVR1" || key). Pure text ↔ bytes: the checksum
/// hash is passed in, so this file stays free of crypto calls.
package enum RecoveryKeyText {
  package static let prefix = "LVR1"
  package static let keyByteCount = 20
  package static let keyCharacterCount = 32
  package static let checkCharacterCount = 2
  /// Crockford's alphabet: no I, L, O or U, so nothing reads as a 1, a 0 or a rude word.
  package static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

  /// Why a typed key was refused. Every case is found before any key derivation.
  package enum Problem: Error, Equatable {
    case wrongLength(Int)
    case unknownCharacter(Character)
    case checksumMismatch
  }

  /// `LVR1-` + groups of 4 + `-` + the 2 check characters.
  package static func format(key: [UInt8], checksum: [UInt8]) -> String {
    precondition(key.count == keyByteCount && checksum.count >= 2)
    let body = encode(key)
    let check = checkCharacters(checksum)
    var groups: [String] = []
    var index = body.startIndex
    while index < body.endIndex {
      let end = body.index(index, offsetBy: 4)
      groups.append(String(body[index..<end]))
      index = end
    }
    return ([prefix] + groups + [check]).joined(separator: "-")
  }

  /// Normalises typed text: ignores spaces and hyphens and case, reads I and L as 1 and O as
  /// 0, drops the `LVR1` prefix. Returns the 20 key bytes and the 2 typed check characters.
  package static func parse(_ text: String) throws(Problem) -> (key: [UInt8], check: String) {
    var characters: [UInt8] = []
    for scalar in text.unicodeScalars {
      switch scalar {
      case " ", "-", "\t", "\n", "\r": continue
      default: break
      }
      guard scalar.isASCII else { throw .unknownCharacter(Character(scalar)) }
      var character = UInt8(ascii: scalar)
      if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(character) { character -= 0x20 }
      characters.append(character)
    }
    // The prefix is optional; it is recognised before the I/L/O folding turns "LVR1" into "1VR1".
    if characters.count == keyCharacterCount + checkCharacterCount + 4,
      Array(characters.prefix(4)) == Array(prefix.utf8)
    {
      characters.removeFirst(4)
    }
    guard characters.count == keyCharacterCount + checkCharacterCount else {
      throw .wrongLength(characters.count)
    }
    var values: [UInt8] = []
    for character in characters {
      guard let value = value(of: character) else {
        throw .unknownCharacter(Character(Unicode.Scalar(character)))
      }
      values.append(value)
    }
    let key = decode(Array(values.prefix(keyCharacterCount)))
    let check = String(
      decoding: values.suffix(checkCharacterCount).map { alphabet[Int($0)] }, as: UTF8.self)
    return (key, check)
  }

  /// The two check characters for a BLAKE2b digest: its first 10 bits.
  package static func checkCharacters(_ digest: [UInt8]) -> String {
    let bits = UInt16(digest[0]) << 2 | UInt16(digest[1]) >> 6
    return String(
      decoding: [alphabet[Int(bits >> 5)], alphabet[Int(bits & 0x1F)]], as: UTF8.self)
  }

  /// "LVR1" || key, the checksum's input.
  package static func checksumInput(_ key: [UInt8]) -> [UInt8] { Array(prefix.utf8) + key }

  // MARK: - Base32 (Crockford), 5 bits per character, most significant first

  package static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    var buffer: UInt32 = 0
    var bits = 0
    for byte in bytes {
      buffer = buffer << 8 | UInt32(byte)
      bits += 8
      while bits >= 5 {
        out.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 0x1F)])
        bits -= 5
      }
    }
    if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1F)]) }
    return String(decoding: out, as: UTF8.self)
  }

  package static func decode(_ values: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var buffer: UInt32 = 0
    var bits = 0
    for value in values {
      buffer = buffer << 5 | UInt32(value)
      bits += 5
      if bits >= 8 {
        out.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
        bits -= 8
      }
    }
    return out
  }

  /// The 5-bit value of an upper-case ASCII character, folding I/L → 1 and O → 0.
  package static func value(of character: UInt8) -> UInt8? {
    switch character {
    case UInt8(ascii: "I"), UInt8(ascii: "L"): return 1
    case UInt8(ascii: "O"): return 0
    default: return alphabet.firstIndex(of: character).map(UInt8.init)
    }
  }
}
