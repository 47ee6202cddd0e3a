import Foundation

/// JSON exactly as `JSONSerialization` writes it with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes`, byte for byte, for the values the commands build: strings,
/// integers, booleans, `NSNull`, arrays and string-keyed dictionaries; except that DEL and
/// the C1 controls (U+0080–U+009F) are escaped too (`\u007f`), so JSON shown on a terminal
/// holds no control character at all (``escapingDELAndC1(_:)`` does the same to Foundation's).
///
/// `list --json` at 10,000 letters spent ~0.8 s in `JSONSerialization` and ISO 8601
/// formatting (docs/PERFORMANCE.md). Anything else (a `Double`, a nil optional, a key with a
/// digit or a non-ASCII letter, whose order is the `.numeric`, case-insensitive comparison's
/// business) makes `encode` return nil and the caller uses `JSONSerialization` instead.
enum JSONText {
  /// The text, or nil for a value this writer does not handle.
  static func encode(_ value: Any) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    guard write(value, depth: 0, into: &out) else { return nil }
    return String(decoding: out, as: UTF8.self)
  }

  /// Dispatches on the exact dynamic type: a failed `as?` cast from `Any` tries Foundation
  /// bridging (NSDictionary, NSArray) and cost more than the whole rest of `list --json`.
  private static func write(_ value: Any, depth: Int, into out: inout [UInt8]) -> Bool {
    let type = Swift.type(of: value)
    if type == String.self {
      writeString(value as! String, into: &out)
    } else if type == [String: Any].self {
      return writeObject(value as! [String: Any], depth: depth, into: &out)
    } else if type == [[String: Any]].self {
      return writeArray((value as! [[String: Any]]).map { $0 as Any }, depth: depth, into: &out)
    } else if type == [String].self {
      return writeArray((value as! [String]).map { $0 as Any }, depth: depth, into: &out)
    } else if type == [Any].self {
      return writeArray(value as! [Any], depth: depth, into: &out)
    } else if type == NSNull.self {
      out += Array("null".utf8)
    } else if type == Bool.self {
      out += (value as! Bool) ? Array("true".utf8) : Array("false".utf8)
    } else if let text = integerText(value, type) {
      out += Array(text.utf8)
    } else {
      return false
    }
    return true
  }

  private static func integerText(_ value: Any, _ type: Any.Type) -> String? {
    switch type {
    case is Int.Type: String(value as! Int)
    case is Int64.Type: String(value as! Int64)
    case is Int32.Type: String(value as! Int32)
    case is UInt64.Type: String(value as! UInt64)
    case is UInt32.Type: String(value as! UInt32)
    case is UInt16.Type: String(value as! UInt16)
    default: nil
    }
  }

  private static func writeArray(_ array: [Any], depth: Int, into out: inout [UInt8]) -> Bool {
    writeContainer("[", "]", count: array.count, depth: depth, into: &out) { index, out in
      write(array[index], depth: depth + 1, into: &out)
    }
  }

  private static func writeObject(_ object: [String: Any], depth: Int, into out: inout [UInt8]) -> Bool {
    // Keys of ASCII letters, `_` and `-` only, no two equal but for case: Foundation sorts
    // them case-insensitively, and that order is the bytes of their lowercase forms.
    guard object.keys.allSatisfy(isPlainKey) else { return false }
    let lowered = object.keys.map { (key: $0, folded: Array($0.lowercased().utf8)) }
    guard Set(lowered.map(\.folded)).count == lowered.count else { return false }
    let keys = lowered.sorted { $0.folded.lexicographicallyPrecedes($1.folded) }.map(\.key)
    return writeContainer("{", "}", count: keys.count, depth: depth, into: &out) { index, out in
      writeString(keys[index], into: &out)
      out += Array(" : ".utf8)
      return write(object[keys[index]]!, depth: depth + 1, into: &out)
    }
  }

  /// One element per line, indented, commas between; an empty container is written as the
  /// opening bracket, a blank line, then the closing one indented, as `JSONSerialization` does.
  private static func writeContainer(
    _ open: Unicode.Scalar, _ close: Unicode.Scalar, count: Int, depth: Int, into out: inout [UInt8],
    _ element: (Int, inout [UInt8]) -> Bool
  ) -> Bool {
    out.append(UInt8(ascii: open))
    out.append(0x0A)
    for index in 0..<count {
      indent(depth + 1, into: &out)
      guard element(index, &out) else { return false }
      if index < count - 1 { out.append(UInt8(ascii: ",")) }
      out.append(0x0A)
    }
    if count == 0 { out.append(0x0A) }
    indent(depth, into: &out)
    out.append(UInt8(ascii: close))
    return true
  }

  private static func isPlainKey(_ key: String) -> Bool {
    key.utf8.allSatisfy { byte in
      (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: "-")
    }
  }

  private static func indent(_ depth: Int, into out: inout [UInt8]) {
    for _ in 0..<(depth * 2) { out.append(0x20) }
  }

  /// `"` and `\` escaped, `\b \f \n \r \t` by name, other bytes below 0x20, DEL and C1
  /// (`C2 80` … `C2 9F` in UTF-8) as `\u00xx`; everything else, `/` and other non-ASCII
  /// included, as it is (UTF-8).
  static func writeString(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      // Most text needs no escape: then it goes in as one copy (docs/PERFORMANCE.md, round 9).
      if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 }) {
        return out.append(contentsOf: utf8)
      }
      var index = 0
      while index < utf8.count {
        let byte = utf8[index]
        index += 1
        if byte == 0xC2, index < utf8.count, (0x80...0x9F).contains(utf8[index]) {
          unicodeEscape(utf8[index], into: &out)
          index += 1
        } else {
          writeByte(byte, into: &out)
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  private static func writeByte(_ byte: UInt8, into out: inout [UInt8]) {
    switch byte {
    case UInt8(ascii: "\""): out += [0x5C, 0x22]
    case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
    case 0x08: out += [0x5C, UInt8(ascii: "b")]
    case 0x0C: out += [0x5C, UInt8(ascii: "f")]
    case 0x0A: out += [0x5C, UInt8(ascii: "n")]
    case 0x0D: out += [0x5C, UInt8(ascii: "r")]
    case 0x09: out += [0x5C, UInt8(ascii: "t")]
    case 0..<0x20, 0x7F: unicodeEscape(byte, into: &out)
    default: out.append(byte)
    }
  }

  private static let hex = Array("0123456789abcdef".utf8)

  /// `\u00xx` for a code point below U+0100.
  private static func unicodeEscape(_ codePoint: UInt8, into out: inout [UInt8]) {
    out += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
    out.append(hex[Int(codePoint >> 4)])
    out.append(hex[Int(codePoint & 0x0F)])
  }

  /// Foundation's JSON text with DEL and C1 escaped as ``encode(_:)`` escapes them. They can
  /// only stand inside strings (everything else in JSON is ASCII above 0x1F), so this is safe
  /// on the whole text.
  static func escapingDELAndC1(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: { $0.value == 0x7F || (0x80...0x9F).contains($0.value) })
    else { return json }
    var out: [UInt8] = []
    out.reserveCapacity(json.utf8.count + 16)
    for scalar in json.unicodeScalars {
      if scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
        unicodeEscape(UInt8(scalar.value), into: &out)
      } else {
        UTF8.encode(scalar) { out.append($0) }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
