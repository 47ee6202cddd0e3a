import Foundation

/// Test-side byte helpers: hex and base64 decoding for known-answer vectors, and a seeded
/// generator so "random input" tests fail the same way every run.
enum Bytes {
  /// Decodes lowercase or uppercase hex; traps on malformed input (vectors are fixed text).
  static func hex(_ text: String) -> [UInt8] {
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
  static func base64(_ text: String) -> [UInt8] {
    var padded = text
    while padded.count % 4 != 0 { padded += "=" }
    return [UInt8](Data(base64Encoded: padded)!)
  }
}

/// SplitMix64: tiny, deterministic, good enough to generate test inputs.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func bytes(_ count: Int) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(count + 8)
    while out.count < count { withUnsafeBytes(of: next()) { out.append(contentsOf: $0) } }
    return Array(out.prefix(count))
  }
}
