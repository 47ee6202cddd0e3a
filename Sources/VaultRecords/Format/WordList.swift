/// The words of a letter's head text (FORMAT.md §6.9): every distinct *word* — a longest run
/// of bytes that are not ASCII punctuation, space or control characters — with ASCII `A–Z`
/// folded to `a–z` and every other byte as it is, in ascending byte order, each followed by
/// one space (0x20).
///
/// Exact for what ``TextMatcher`` finds with a needle made only of ASCII letters and digits
/// (``answers(_:)``): such a needle has no separator byte, so each place a folded text holds
/// it lies inside one word, and the space after each word keeps a match from running into the
/// next. A text holds the needle exactly when its word list does: a letter is found, or ruled
/// out, without decrypting its text (docs/PERFORMANCE.md, round 13).
package struct WordList: Equatable, Sendable {
  /// The words, each followed by 0x20; nil when they were more than ``maximumByteCount``
  /// bytes together and are not kept (the letter is then read, never missed).
  package var bytes: [UInt8]?

  /// 8 KiB: ~1,500 distinct words, far more than a letter of several pages has. Past it the
  /// list is not kept, so a very long text does not make every write of its bucket re-seal it.
  package static let maximumByteCount = 8 * 1024

  package init(bytes: [UInt8]?) {
    self.bytes = bytes
  }

  /// The word list of `text` (its UTF-8 bytes, as stored).
  package init(text: [UInt8]) {
    var words = Set<ArraySlice<UInt8>>()
    var folded = text
    for index in folded.indices { folded[index] = TextSignature.fold(folded[index]) }
    var start: Int?
    for index in 0...folded.count {
      let inWord = index < folded.count && !Self.isSeparator(folded[index])
      if inWord {
        if start == nil { start = index }
      } else if let first = start {
        words.insert(folded[first..<index])
        start = nil
      }
    }
    let total = words.reduce(0) { $0 + $1.count + 1 }
    guard total <= Self.maximumByteCount else {
      bytes = nil
      return
    }
    var out: [UInt8] = []
    out.reserveCapacity(total)
    for word in words.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      out += word
      out.append(0x20)
    }
    bytes = out
  }

  /// Whether `byte` ends a word: an ASCII byte that is not a letter or digit. Every byte
  /// ≥ 0x80 belongs to words, so a UTF-8 character is never split.
  @inline(__always)
  package static func isSeparator(_ byte: UInt8) -> Bool {
    byte < 0x80 && !(byte >= 0x30 && byte <= 0x39) && !(byte >= 0x41 && byte <= 0x5A) && !(byte >= 0x61 && byte <= 0x7A)
  }

  /// Whether a word list answers `needle` exactly: at least one byte, every byte an ASCII
  /// letter or digit.
  package static func answers(_ needle: String) -> Bool {
    !needle.isEmpty && needle.utf8.allSatisfy { $0 < 0x80 && !isSeparator($0) }
  }

  /// Checks the form ``init(text:)`` writes (a parsed list must be one it could have
  /// written): words of non-separator bytes, none with `A–Z`, strictly ascending, each
  /// followed by one space.
  package static func isCanonical(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.isEmpty || bytes.last == 0x20 else { return false }
    var previous: ArraySlice<UInt8>?
    var start = bytes.startIndex
    for index in bytes.indices where bytes[index] == 0x20 {
      let word = bytes[start..<index]
      guard !word.isEmpty,
        word.allSatisfy({ !isSeparator($0) && !($0 >= 0x41 && $0 <= 0x5A) }),
        previous.map({ $0.lexicographicallyPrecedes(word) }) ?? true
      else { return false }
      previous = word
      start = index + 1
    }
    return true
  }
}
