/// Case-insensitive substring search, folded once for the needle (docs/PERFORMANCE.md).
///
/// An ASCII needle is matched over UTF-8 bytes with ASCII case folding, with no per-letter
/// allocation; a needle with other characters falls back to Unicode lowercasing.
struct TextMatcher {
  private let needle: [UInt8]
  private let unicodeNeedle: String?

  init(_ text: String) {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      needle = text.utf8.map(Self.fold)
      unicodeNeedle = nil
    } else {
      needle = []
      unicodeNeedle = text.lowercased()
    }
  }

  func matches(_ text: String) -> Bool {
    if let unicodeNeedle { return text.lowercased().contains(unicodeNeedle) }
    return matches(bytes: Array(text.utf8))
  }

  func matches(bytes haystack: [UInt8]) -> Bool {
    if let unicodeNeedle {
      return String(decoding: haystack, as: UTF8.self).lowercased().contains(unicodeNeedle)
    }
    return haystack.withUnsafeBytes { matches(raw: $0) }
  }

  /// ``matches(bytes:)`` on bytes in place (a LISTING row's fields, Vault+IndexedSearch.swift).
  func matches(raw: UnsafeRawBufferPointer) -> Bool {
    if unicodeNeedle != nil { return matches(bytes: Array(raw)) }
    guard !needle.isEmpty, raw.count >= needle.count else { return needle.isEmpty }
    let hay = raw.assumingMemoryBound(to: UInt8.self)
    return needle.withUnsafeBufferPointer { pin in
      let first = pin[0]
      // For a letter, `byte | 0x20 == first` is exactly `fold(byte) == first` (only A–Z
      // and a–z map onto a–z that way); any other byte folds to itself. One compare per
      // byte in the hot loop instead of a range check (docs/PERFORMANCE.md).
      let mask: UInt8 = (0x61...0x7A).contains(first) ? 0x20 : 0x00
      let last = hay.count - pin.count
      var index = 0
      // Sixteen positions at a time while none of them can start a match (their first two
      // bytes differ from the needle's): most of a letter. With a one-byte needle the
      // second comparison repeats the first.
      let second = pin.count > 1 ? pin[1] : first
      let secondMask: UInt8 = (0x61...0x7A).contains(second) ? 0x20 : 0x00
      let step = pin.count > 1 ? 1 : 0
      let firsts = SIMD16<UInt8>(repeating: first), masks = SIMD16<UInt8>(repeating: mask)
      let seconds = SIMD16<UInt8>(repeating: second), secondMasks = SIMD16<UInt8>(repeating: secondMask)
      let base = UnsafeRawPointer(hay.baseAddress!)
      // index + 15 <= last, so index + 16 + step <= hay.count: both loads stay inside.
      while index + 16 <= last + 1 {
        let chunk = base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
        let next = base.loadUnaligned(fromByteOffset: index + step, as: SIMD16<UInt8>.self)
        if !any(((chunk | masks) .== firsts) .& ((next | secondMasks) .== seconds)) {
          index += 16
          continue
        }
        for candidate in index..<(index + 16) where hay[candidate] | mask == first {
          var offset = 1
          while offset < pin.count, Self.fold(hay[candidate + offset]) == pin[offset] { offset += 1 }
          if offset == pin.count { return true }
        }
        index += 16
      }
      while index <= last {
        if hay[index] | mask == first {
          var offset = 1
          while offset < pin.count, Self.fold(hay[index + offset]) == pin[offset] { offset += 1 }
          if offset == pin.count { return true }
        }
        index += 1
      }
      return false
    }
  }

  @inline(__always)
  private static func fold(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
  }
}
