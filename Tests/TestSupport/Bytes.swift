import Foundation

/// Test-side byte helpers: hex and base64 decoding for known-answer vectors and for the
/// letter ids the binary prints.
package enum Bytes {
  /// Decodes lowercase or uppercase hex; traps on malformed input (vectors are fixed text).
  package static func hex(_ text: String) -> [UInt8] {
    let digits = Array(text.utf8)
    precondition(digits.count % 2 == 0, "odd hex length")
    func value(_ c: UInt8) -> UInt8 {
      switch c {
      case 48...57: return c - 48
      case 97...102: return c - 87
      case 65...70: return c - 55
      default: preconditionFailure("not hex")
      }
    }
    return stride(from: 0, to: digits.count, by: 2).map { value(digits[$0]) << 4 | value(digits[$0 + 1]) }
  }

  /// Decodes unpadded base64 as used in `$argon2id$` strings.
  package static func base64(_ text: String) -> [UInt8] {
    var padded = text
    while padded.count % 4 != 0 { padded += "=" }
    return [UInt8](Data(base64Encoded: padded)!)
  }
}
