import VaultRecords
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text in any character set the system's iconv converts (FORMAT.md §19 "Import files"):
/// koi8-r, windows-1251, ISO-8859-x, UTF-16, Shift_JIS, ISO-2022-JP, EUC-KR and the rest.
/// Bytes that are not valid in the named charset are refused, never guessed at.
enum Charset {
  /// The decoded text; nil when the charset is unknown here or the bytes are not valid in it.
  static func decode(_ bytes: some Collection<UInt8>, charset: String) -> String? {
    switch decodeChecked(bytes, charset: charset) {
    case .success(let text): text
    case .failure: nil
    }
  }

  enum Failure: Error, Equatable {
    /// iconv knows no such charset.
    case unknown
    /// The bytes are not valid text in it.
    case invalid
  }

  static func decodeChecked(_ bytes: some Collection<UInt8>, charset raw: String) -> Result<String, Failure> {
    let name = canonicalName(raw)
    if name == "UTF-8" || name == "US-ASCII" {
      // UTF-8 is checked by Swift itself; US-ASCII is its subset, and 8-bit bytes under a
      // US-ASCII label are refused too.
      if name == "US-ASCII", bytes.contains(where: { $0 >= 0x80 }) { return .failure(.invalid) }
      return String(validating: bytes, as: UTF8.self).map { .success($0) } ?? .failure(.invalid)
    }
    return convert(Array(bytes), from: name)
  }

  /// Labels mail uses that iconv spells differently. The Korean label is RFC 1557's; the
  /// messages that carry it are in Microsoft's superset, CP949.
  static func canonicalName(_ raw: String) -> String {
    let label = raw.trimmingCharacters(in: .whitespaces).uppercased()
    switch label {
    case "UTF-8", "UTF8": return "UTF-8"
    case "US-ASCII", "ASCII", "ANSI_X3.4-1968", "US", "": return "US-ASCII"
    case "KS_C_5601-1987", "KS_C_5601", "KSC5601", "KS_C_5601-1989": return "CP949"
    case "X-SJIS", "SHIFT-JIS": return "SHIFT_JIS"
    case "LATIN-1", "LATIN_1": return "ISO-8859-1"
    default: return label
    }
  }

  private static func convert(_ input: [UInt8], from name: String) -> Result<String, Failure> {
    // Only plain labels reach iconv: "//TRANSLIT" or "//IGNORE" in a mail header must not
    // change how the text is read.
    guard !name.isEmpty, name.utf8.count <= 40,
      name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x2F })
    else { return .failure(.unknown) }
    let descriptor = iconv_open("UTF-8", name)
    guard let descriptor, Int(bitPattern: descriptor) != -1 else { return .failure(.unknown) }
    defer { iconv_close(descriptor) }
    if input.isEmpty { return .success("") }
    var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
    var source = input
    let written: Int? = source.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inLeft = inBuffer.count
        var outLeft = outBuffer.count
        var inOptional: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
          .assumingMemoryBound(to: CChar.self)
        var outOptional: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
          .assumingMemoryBound(to: CChar.self)
        while inLeft > 0 {
          let result = iconv(descriptor, &inOptional, &inLeft, &outOptional, &outLeft)
          if result == -1 { return nil }  // EILSEQ, EINVAL (cut off) or E2BIG: not valid text
        }
        // Flush any shift state (ISO-2022-JP ends in ASCII).
        _ = iconv(descriptor, nil, nil, &outOptional, &outLeft)
        return outBuffer.count - outLeft
      }
    }
    guard let written else { return .failure(.invalid) }
    guard let text = String(validating: output[..<written], as: UTF8.self) else { return .failure(.invalid) }
    // A UTF-16 byte-order mark is not text.
    return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
  }
}
