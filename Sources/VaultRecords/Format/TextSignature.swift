/// A letter's text signature (FORMAT.md §6.7): a one-hash Bloom filter of every three-byte
/// window of its head text, ASCII letters folded to lower case, so `search` can rule a letter
/// out without decrypting its text (docs/PERFORMANCE.md).
///
/// Sound for what ``TextMatcher`` finds with an ASCII needle: it compares UTF-8 bytes with the
/// same folding, so every three-byte window of the needle is a window of any text it is found
/// in, and a window that is there always has its bit set. A set bit proves nothing (another
/// window may share it): a letter whose bits are all set is still decrypted and matched.
package struct TextSignature: Equatable {
  /// The filter, `1 << log2Bits` bits, bit `i` at byte `i >> 3`, mask `1 << (i & 7)`.
  package var bits: [UInt8]
  /// Whether the text has a byte ≥ 0x80 (text index format 2); nil when not known (an entry
  /// of format 1). A needle that no ASCII text can hold rules out a text known to be ASCII.
  package var nonASCII: Bool?

  /// Smallest and largest filter: 64 bits for a short note, 64 KiB bits (8 KiB) at most, so a
  /// very long letter's filter fills up and the letter is simply read (never missed).
  package static let minimumLog2Bits = 6
  package static let maximumLog2Bits = 16

  /// About one bit per window, rounded up to a power of two: at most ~63 % of bits set (~35 %
  /// for English-like letters, whose windows repeat), so a needle of eight windows lets ~1 in
  /// 4,000 unmatched letters through.
  package static func log2Bits(forByteCount count: Int) -> Int {
    var log2 = minimumLog2Bits
    while log2 < maximumLog2Bits, 1 << log2 < count { log2 += 1 }
    return log2
  }

  /// Whether `log2` is a size a signature may have (a reader rejects any other).
  package static func isValid(log2Bits log2: Int) -> Bool {
    (minimumLog2Bits...maximumLog2Bits).contains(log2)
  }

  package init(text: [UInt8]) {
    let log2 = Self.log2Bits(forByteCount: text.count)
    var bits = [UInt8](repeating: 0, count: (1 << log2) / 8)
    Self.forEachWindow(text) { window in
      let bit = Self.bit(window, log2Bits: log2)
      bits[bit >> 3] |= 1 << UInt8(bit & 7)
    }
    self.bits = bits
    nonASCII = text.contains { $0 >= 0x80 }
  }

  /// The signature of a letter's recipient, subject and tags (text index format 3): each
  /// field's windows alone, since `search` matches each field alone, so a letter that none
  /// can hold is ruled out without its LISTING entry (docs/PERFORMANCE.md, round 10). About
  /// four bits per byte: the fields are short, and a clear bit is what saves the read.
  package init(fields: [String]) {
    var count = 0
    for field in fields { count += field.utf8.count }
    var log2 = Self.minimumLog2Bits
    while log2 < Self.maximumFieldsLog2Bits, 1 << log2 < 4 * count { log2 += 1 }
    var bits = [UInt8](repeating: 0, count: (1 << log2) / 8)
    var nonASCII = false
    for field in fields {
      let bytes = Array(field.utf8)
      nonASCII = nonASCII || bytes.contains { $0 >= 0x80 }
      Self.forEachWindow(bytes) { window in
        let bit = Self.bit(window, log2Bits: log2)
        bits[bit >> 3] |= 1 << UInt8(bit & 7)
      }
    }
    self.bits = bits
    self.nonASCII = nonASCII
  }

  /// A fields signature for a letter whose fields are not at hand: every bit set and the
  /// non-ASCII flag set, which rules nothing out.
  package static let fieldsUnknown = TextSignature(
    bits: [UInt8](repeating: 0xFF, count: (1 << minimumLog2Bits) / 8), nonASCII: true)

  /// The largest fields filter: 4,096 bits (recipient, subject and tags of 1 KiB together).
  package static let maximumFieldsLog2Bits = 12

  package init(bits: [UInt8], nonASCII: Bool?) {
    self.bits = bits
    self.nonASCII = nonASCII
  }

  /// The filter bit of one window: Fibonacci hashing of its 24 bits, top `log2Bits` bits.
  @inline(__always)
  package static func bit(_ window: UInt32, log2Bits: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(window) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - log2Bits))
  }

  /// Calls `body` with every three-byte window of `text`, folded like ``TextMatcher``.
  package static func forEachWindow(_ text: [UInt8], _ body: (UInt32) -> Void) {
    guard text.count >= 3 else { return }
    text.withUnsafeBufferPointer { bytes in
      var window = UInt32(fold(bytes[0])) << 8 | UInt32(fold(bytes[1]))
      for index in 2..<bytes.count {
        window = (window << 8 | UInt32(fold(bytes[index]))) & 0xFF_FFFF
        body(window)
      }
    }
  }

  @inline(__always)
  package static func fold(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
  }
}

/// The windows of one needle, folded once, tested against many signatures in place; or, for
/// a needle that no ASCII text can hold, the text's non-ASCII flag (format 2).
package struct SignatureProbe: Sendable {
  private let windows: [UInt32]
  private let needsNonASCII: Bool

  /// Nil when the needle cannot rule anything out by its windows: shorter than three bytes, or
  /// not ASCII (``TextMatcher`` then compares Unicode lower case, which a byte filter cannot
  /// follow).
  package init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count >= 3, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    var windows: [UInt32] = []
    TextSignature.forEachWindow(bytes) { windows.append($0) }
    self.windows = Array(Set(windows)).sorted()
    needsNonASCII = false
  }

  private init(needsNonASCII: Bool) {
    windows = []
    self.needsNonASCII = needsNonASCII
  }

  /// For a needle that only a text with a byte ≥ 0x80 can contain (the caller knows which:
  /// ``TextMatcher``'s `skipsASCIITexts`): rules out the texts known to be ASCII, nothing else.
  package static let nonASCIINeedle = SignatureProbe(needsNonASCII: true)

  /// False only when the text certainly does not hold the needle: some window's bit is
  /// clear, or the needle needs a non-ASCII byte and the text is known to have none.
  /// `filter` holds `1 << log2Bits` bits; `nonASCII` is the entry's flag (nil: not known).
  package func mayMatch(_ filter: UnsafeRawBufferPointer, log2Bits: Int, nonASCII: Bool?) -> Bool {
    if needsNonASCII { return nonASCII != false }
    for window in windows {
      let bit = TextSignature.bit(window, log2Bits: log2Bits)
      if filter[bit >> 3] & (1 << UInt8(bit & 7)) == 0 { return false }
    }
    return true
  }
}
