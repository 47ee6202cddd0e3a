import VaultRecords
import Foundation

/// Content-Transfer-Encoding (RFC 2045 §6): quoted-printable and base64 decoding, both in one
/// pass over the bytes. Base64 is read as mail clients read it: characters outside the
/// alphabet (line breaks, stray spaces) are skipped and missing padding is tolerated.
enum TransferEncoding {
  static func decode(_ body: ArraySlice<UInt8>, encoding raw: String?) -> [UInt8] {
    switch raw?.trimmingCharacters(in: .whitespaces).lowercased() ?? "7bit" {
    case "base64": base64(body)
    case "quoted-printable": quotedPrintable(body)
    // 7bit, 8bit, binary, and names letters does not know: the bytes as they are, as
    // Python's email package does (FORMAT.md §19).
    default: Array(body)
    }
  }

  static func quotedPrintable(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    let lines = Array(bytes).split(separator: 0x0A, omittingEmptySubsequences: false)
    for (number, rawLine) in lines.enumerated() {
      var line = rawLine
      while let last = line.last, last == 0x20 || last == 0x09 || last == 0x0D { line = line.dropLast() }  // RFC 2045 §6.7 (3)
      var soft = false
      var index = line.startIndex
      while index < line.endIndex {
        let byte = line[index]
        if byte == 0x3D {
          if index == line.endIndex - 1 {
            soft = true
            break
          }
          if index + 2 < line.endIndex, let high = hex(line[index + 1]), let low = hex(line[index + 2]) {
            out.append(high << 4 | low)
            index += 3
            continue
          }
        }
        out.append(byte)
        index += 1
      }
      if !soft && number < lines.count - 1 { out.append(0x0A) }
    }
    return out
  }

  private static func hex(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }

  static func base64(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count / 4 * 3)
    var accumulator: UInt32 = 0
    var count = 0
    for byte in bytes {
      if byte == 0x3D { break }  // padding ends the data
      let value: UInt8
      switch byte {
      case 0x41...0x5A: value = byte - 0x41
      case 0x61...0x7A: value = byte - 0x61 + 26
      case 0x30...0x39: value = byte - 0x30 + 52
      case 0x2B: value = 62
      case 0x2F: value = 63
      default: continue
      }
      accumulator = accumulator << 6 | UInt32(value)
      count += 1
      if count == 4 {
        out += [UInt8(accumulator >> 16 & 0xFF), UInt8(accumulator >> 8 & 0xFF), UInt8(accumulator & 0xFF)]
        accumulator = 0
        count = 0
      }
    }
    if count == 2 { out.append(UInt8(accumulator >> 4 & 0xFF)) }
    if count == 3 { out += [UInt8(accumulator >> 10 & 0xFF), UInt8(accumulator >> 2 & 0xFF)] }
    return out
  }
}
