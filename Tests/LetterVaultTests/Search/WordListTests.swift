import Testing

@testable import LetterVault
@testable import VaultRecords

/// The word list (FORMAT.md §6.9) holds a needle of ASCII letters and digits exactly when the
/// text does, as ``TextMatcher`` matches it, and its bucket parses as strictly as it is written.
@Suite struct WordListTests {
  /// Whether the list's bytes hold `needle`, as `search` asks them.
  static func holds(_ list: WordList, _ needle: String) throws -> Bool {
    let bytes = try #require(list.bytes)
    return try SearchTest(needle, LetterFilter()).wordsHold(bytes.withUnsafeBytes { $0 })
  }

  /// Needles cut from random texts (across words, punctuation and multi-byte characters),
  /// recased, and random short ones: for each that the lists answer, the list and the text
  /// agree, found or not. Seen failing with the space after each word dropped (a needle then
  /// ran from one word into the next).
  @Test func theListHoldsANeedleExactlyWhenTheTextDoes() throws {
    var random = SeededGenerator(seed: 0x3070_0001)
    var found = 0
    var missed = 0
    for round in 0..<3_000 {
      var text = TextSignatureTests.text(Int.random(in: 0...1_500, using: &random), using: &random)
      if round % 7 == 0 { text += Array("_x_ snake_case ab_cd".utf8) }
      let list = WordList(text: text)
      var needles: [String] = ["ab", "cd", "a", "e", "0", "xab", "bca", "abcd"]
      if text.count > 4 {
        let start = Int.random(in: 0..<(text.count - 1), using: &random)
        let end = min(text.count, start + Int.random(in: 1...12, using: &random))
        needles.append(TextSignatureTests.recase(text[start..<end], using: &random))
      }
      for needle in needles where WordList.answers(needle) {
        let inText = TextMatcher(needle).matches(bytes: text)
        #expect(try Self.holds(list, needle) == inText, "\(needle) in \(String(decoding: text, as: UTF8.self))")
        if inText { found += 1 } else { missed += 1 }
      }
    }
    #expect(found > 1_000 && missed > 1_000, "both answers were asked: \(found) found, \(missed) not")
  }

  @Test func onlyNeedlesOfASCIILettersAndDigitsAreAnswered() {
    for needle in ["the", "THE", "i", "42", "abc123"] { #expect(WordList.answers(needle), "\(needle)") }
    for needle in ["", "the room", "the,", "café", "ab_cd", "x-y", "\u{212A}", "a\u{0301}"] {
      #expect(!WordList.answers(needle), "\(needle)")
    }
  }

  @Test func theListIsEveryWordOnceFoldedAndSorted() {
    let list = WordList(text: Array("The cat, the CAT; the café—über\nx2 a_b".utf8))
    // The dash is not ASCII, so "café—über" is one word, as `search café—über` would find it.
    #expect(list.bytes == Array("a b café—über cat the x2 ".utf8))
    #expect(WordList(text: []).bytes == [])
    #expect(WordList(text: Array(" ,.;\n".utf8)).bytes == [])
    #expect(WordList.isCanonical(list.bytes![...]))
  }

  /// Past 8 KiB of distinct words the list is not kept (the letter is read), and the limit
  /// itself is kept.
  @Test func aListPastItsLimitIsNotKept() {
    // "w00000 " is 7 bytes: 1,170 words are 8,190 bytes, 1,171 are 8,197.
    func words(_ count: Int) -> [UInt8] { Array((0..<count).map { "w\(String(format: "%05d", $0))" }.joined(separator: " ").utf8) }
    #expect(WordList(text: words(1_170)).bytes?.count == 8_190)
    #expect(WordList(text: words(1_171)).bytes == nil)
  }

  @Test func aBucketReadsBackAndRefusesEveryOtherForm() throws {
    let entries = [
      WordsEntry(letterID: [7] + [UInt8](repeating: 1, count: 15), metaVersion: 3, metaHash: .init(repeating: 2, count: 32),
        bodyHash: .init(repeating: 3, count: 32), words: WordList(text: Array("one two".utf8))),
      WordsEntry(letterID: [7] + [UInt8](repeating: 9, count: 15), metaVersion: 1, metaHash: .init(repeating: 4, count: 32),
        bodyHash: .init(repeating: 5, count: 32), words: WordList(bytes: nil)),
    ]
    let bytes = WordsBucket(bucket: 7, quarter: 0, entries: entries).serialized()
    #expect(try WordsBucket(parsing: bytes, bucket: 7, quarter: 0).entries == entries)
    #expect(throws: ByteReader.Malformed.self) { try WordsBucket(parsing: bytes, bucket: 8, quarter: 0) }
    #expect(throws: ByteReader.Malformed.self) { try WordsBucket(parsing: bytes, bucket: 7, quarter: 1) }
    #expect(throws: ByteReader.Malformed.self) { try WordsBucket(parsing: bytes + [0], bucket: 7, quarter: 0) }
    #expect(throws: ByteReader.Malformed.self) { try WordsBucket(parsing: Array(bytes.dropLast()), bucket: 7, quarter: 0) }
    // The first list is "one two " at offset 3 + 4 + 88 + 4: each change leaves a form no
    // writer gives (capital, unsorted, separator inside, no final space).
    let start = 3 + 4 + 16 + 8 + 64 + 4
    for (offset, byte) in [(0, UInt8(ascii: "O")), (0, UInt8(ascii: "z")), (1, UInt8(ascii: "-")), (7, UInt8(ascii: "x"))] {
      var changed = bytes
      changed[start + offset] = byte
      #expect(throws: ByteReader.Malformed.self, "\(offset)") { try WordsBucket(parsing: changed, bucket: 7, quarter: 0) }
    }
    var swapped = WordsBucket(bucket: 7, quarter: 0, entries: entries.reversed()).serialized()
    #expect(throws: ByteReader.Malformed.self) { try WordsBucket(parsing: swapped, bucket: 7, quarter: 0) }
    swapped = WordsBucket(bucket: 7, quarter: 0, entries: [entries[0]]).serialized()
    swapped.replaceSubrange((3 + 4 + 88)..<(3 + 4 + 92), with: [0x01, 0x20, 0, 0])  // 8,193 bytes
    #expect(throws: ByteReader.Malformed.self) { try WordsBucket(parsing: swapped, bucket: 7, quarter: 0) }
    // An entry of another quarter (second byte 0x40: quarter 1) in the row of quarter 0.
    var other = entries[0]
    other.letterID[1] = 0x40
    let misplaced = WordsBucket(bucket: 7, quarter: 0, entries: [other]).serialized()
    #expect(throws: ByteReader.Malformed.self) { try WordsBucket(parsing: misplaced, bucket: 7, quarter: 0) }
    #expect(try WordsBucket(parsing: WordsBucket(bucket: 7, quarter: 1, entries: [other]).serialized(), bucket: 7, quarter: 1).entries == [other])
  }
}
