import VaultRecords
import Foundation

/// Case-insensitive substring search, folded once for the needle (docs/PERFORMANCE.md).
///
/// An ASCII needle is matched over UTF-8 bytes with ASCII case folding, with no per-letter
/// allocation; a needle with other characters falls back to Unicode lowercasing, after a
/// check on the bytes that rules most texts out first.
struct TextMatcher {
  /// The folded ASCII needle; for a Unicode needle, the part checked on the bytes first.
  private let needle: [UInt8]
  private let unicodeNeedle: String?
  /// A Unicode needle that no text of ASCII bytes alone can contain: its lowered form, fully
  /// decomposed, still has a non-ASCII scalar. Such a text is ruled out without lowercasing it.
  let skipsASCIITexts: Bool
  /// Whether the needle has a non-ASCII byte (matched by Unicode lower case).
  var isUnicode: Bool { unicodeNeedle != nil }

  init(_ text: String) {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      needle = text.utf8.map(Self.fold)
      unicodeNeedle = nil
      skipsASCIITexts = false
    } else {
      let lowered = text.lowercased()
      unicodeNeedle = lowered
      needle = Self.byteCheck(lowered)
      skipsASCIITexts = Self.needsNonASCII(lowered)
    }
  }

  /// Whether every text that contains `lowered` holds a non-ASCII byte. A lowered ASCII text is
  /// ASCII, and its characters are their own decomposition; `contains` compares characters by
  /// canonical equivalence, i.e. by their full decompositions. So when the needle's
  /// decomposition has a non-ASCII scalar, no run of ASCII characters equals it. A few
  /// characters decompose to ASCII alone (U+037E to `;`, U+1FEF to a grave accent): needles
  /// made only of those and ASCII are not skipped.
  private static func needsNonASCII(_ lowered: String) -> Bool {
    lowered.decomposedStringWithCanonicalMapping.unicodeScalars.contains { !$0.isASCII }
  }

  /// Whether `raw` holds only ASCII bytes, sixteen at a time.
  static func isASCII(_ raw: UnsafeRawBufferPointer) -> Bool {
    guard let base = raw.baseAddress else { return true }
    var index = 0
    var high = SIMD16<UInt8>(repeating: 0)
    while index + 16 <= raw.count {
      high |= base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
      index += 16
    }
    var rest: UInt8 = high.max()
    while index < raw.count {
      rest |= raw[index]
      index += 1
    }
    return rest < 0x80
  }

  /// For a Unicode needle, a necessary condition checked on a text's bytes (ASCII folded)
  /// before lowercasing the whole text: the longest run of the lowered needle made of `a`–`z`,
  /// digits and spaces, except `i` and `k`, and except a byte followed by a non-ASCII one.
  /// Whenever the lowered text contains the needle, it holds that run as it is, because:
  /// only U+0130 (to `i` + U+0307) and U+212A KELVIN SIGN (to `k`) lower to such a byte
  /// other than itself and its capital; the KELVIN SIGN is also the only character
  /// canonically equivalent to one of them (`contains` compares characters, so U+037E would
  /// match `;`, hence no punctuation); and a byte followed by a combining mark may be part of
  /// a character the text writes precomposed (`e` + U+0301 as `é`). Empty when no run has two
  /// bytes (no check).
  private static func byteCheck(_ lowered: String) -> [UInt8] {
    let bytes = Array(lowered.utf8)
    var longest: ArraySlice<UInt8> = []
    var start = 0
    for index in 0...bytes.count {
      let byte = index < bytes.count ? bytes[index] : 0
      let kept =
        ((0x61...0x7A).contains(byte) && byte != UInt8(ascii: "i") && byte != UInt8(ascii: "k"))
        || (0x30...0x39).contains(byte) || byte == 0x20
      if kept { continue }
      // A byte before a non-ASCII one may combine with it: the run ends before it.
      let end = byte >= 0x80 ? max(start, index - 1) : index
      if end - start > longest.count { longest = bytes[start..<end] }
      start = index + 1
    }
    return longest.count >= 2 ? Array(longest) : []
  }

  func matches(_ text: String) -> Bool {
    if let unicodeNeedle {
      if skipsASCIITexts, text.utf8.allSatisfy({ $0 < 0x80 }) { return false }
      return text.lowercased().contains(unicodeNeedle)
    }
    return matches(bytes: Array(text.utf8))
  }

  func matches(bytes haystack: [UInt8]) -> Bool {
    if let unicodeNeedle {
      guard haystack.withUnsafeBytes(asciiContains) else { return false }
      if skipsASCIITexts {
        if haystack.withUnsafeBytes(Self.isASCII) { return false }
        return NonASCIIWindows.contain(Self.lowercased(haystack), unicodeNeedle, reach: unicodeNeedle.utf8.count)
      }
      return Self.lowercased(haystack).contains(unicodeNeedle)
    }
    return haystack.withUnsafeBytes(asciiContains)
  }

  /// ``matches(bytes:)`` on bytes in place (a LISTING row's fields, SearchDesk+TextIndex.swift).
  func matches(raw: UnsafeRawBufferPointer) -> Bool {
    if unicodeNeedle != nil { return matches(bytes: Array(raw)) }
    return asciiContains(raw)
  }

  /// Whether `raw` holds `needle`, ASCII letters folded (true for an empty needle).
  private func asciiContains(_ raw: UnsafeRawBufferPointer) -> Bool {
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

  /// `String(decoding: bytes, as: UTF8.self).lowercased()`, byte for byte, built faster:
  /// `lowercased()` of a text that is not all ASCII appends each scalar's
  /// `properties.lowercaseMapping` as a string of its own (a text with one `é` paid that for
  /// every letter: ~14 % of `search é`, docs/PERFORMANCE.md). Here an ASCII scalar, whose
  /// mapping is its ASCII fold, is one byte, and only the others ask for their mapping.
  static func lowercased(_ bytes: [UInt8]) -> String {
    // Decoding first repairs ill-formed UTF-8 (U+FFFD) exactly as before.
    let text = String(decoding: bytes, as: UTF8.self)
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        out.append(fold(UInt8(truncatingIfNeeded: scalar.value)))
      } else {
        out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  @inline(__always)
  private static func fold(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
  }
}
