import VaultRecords
/// JSON text as `JSONEncoder` writes it for the exports (`.withoutEscapingSlashes`), built
/// into a byte buffer without the encoder: the JSON export and every Letters-Data line wrote
/// each letter through a new `JSONEncoder`, most of an export's time (docs/PERFORMANCE.md).
/// `ExportJSONTests` compares the bytes with the encoder's.
enum ExportJSON {
  /// `text` as a quoted JSON string: `"` and `\` escaped, the C0 controls as `\b`, `\f`,
  /// `\n`, `\r`, `\t` or `\u00xx`; everything else, `/`, DEL and non-ASCII included, as it
  /// is. With `htmlSafe`, `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (a
  /// Letters-Data line inside an HTML comment).
  static func string(_ text: String, htmlSafe: Bool = false, into out: inout [UInt8]) {
    out.append(0x22)
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C || (htmlSafe && (byte == 0x3C || byte == 0x3E || byte == 0x26))
        else { continue }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        start = index + 1
        // Byte by byte: an array literal per escape was an allocation per line of a letter.
        out.append(0x5C)
        switch byte {
        case 0x22, 0x5C: out.append(byte)
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
          out.append(UInt8(ascii: "u"))
          out.append(0x30)
          out.append(0x30)
          out.append(hex[Int(byte >> 4)])
          out.append(hex[Int(byte & 0x0F)])
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
    }
    out.append(0x22)
  }

  /// A string or `null`.
  static func optional(_ text: String?, into out: inout [UInt8]) {
    guard let text else { return out.append(contentsOf: "null".utf8) }
    string(text, into: &out)
  }

  /// An integer's decimal digits.
  static func integer(_ value: Int, into out: inout [UInt8]) {
    out.append(contentsOf: String(value).utf8)
  }

  /// `"key" : ` at `indent` spaces (the pretty-printed form), or `"key":` when `indent` is nil.
  static func key(_ key: StaticString, indent: Int?, into out: inout [UInt8]) {
    if let indent { out.append(contentsOf: repeatElement(0x20, count: indent)) }
    out.append(0x22)
    key.withUTF8Buffer { out.append(contentsOf: $0) }
    out.append(0x22)
    if indent != nil { out.append(0x20) }
    out.append(0x3A)
    if indent != nil { out.append(0x20) }
  }

  private static let hex = Array("0123456789abcdef".utf8)
}
