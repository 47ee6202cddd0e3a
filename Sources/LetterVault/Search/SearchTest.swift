import VaultRecords
/// Whether a letter is found by `search`: it passes the filter, and its recipient, subject,
/// tags or current text contain the words, ignoring case. The text is asked for only when the
/// rest does not match, and wiped after.
struct SearchTest: Sendable {
  let filter: LetterFilter
  private let matcher: TextMatcher

  init(_ text: String, _ filter: LetterFilter) throws(VaultError) {
    guard !text.isEmpty else { throw .invalidInput(.nothingToSearch) }
    self.filter = filter
    matcher = TextMatcher(text)
  }

  /// Recipient, subject or a tag contains the words.
  func fieldsMatch(_ summary: LetterSummary) -> Bool {
    matcher.matches(summary.recipient) || matcher.matches(summary.subject)
      || summary.tags.contains(where: matcher.matches)
  }

  /// False only when none of recipient, subject and tags can contain the words: `stretch`
  /// holds all three in a LISTING row (ListingView.swift), so a match there may also span two
  /// fields, which ``fieldsMatch(_:)`` then rules out.
  func fieldsMayMatch(_ stretch: UnsafeRawBufferPointer) -> Bool {
    // A Unicode needle is matched by characters, which the bytes between two fields could
    // join across an edge: only a stretch of ASCII bytes alone is ruled out, for a needle no
    // ASCII text can hold (each field is then ASCII too).
    if matcher.isUnicode { return !(matcher.skipsASCIITexts && TextMatcher.isASCII(stretch)) }
    return matcher.matches(raw: stretch)
  }

  /// Whether a word list's bytes hold the words (FORMAT.md §6.9): exactly whether its text
  /// does, for a needle ``WordList/answers(_:)`` accepts.
  func wordsHold(_ words: UnsafeRawBufferPointer) -> Bool { matcher.matches(raw: words) }

  /// Whether only a text with a byte ≥ 0x80 can contain the words (TextMatcher.swift).
  var needsNonASCII: Bool { matcher.skipsASCIITexts }

  /// The whole test; `text` opens the head text, or gives nil when there is none to read.
  func matches(_ summary: LetterSummary, text: () throws -> [UInt8]?) throws -> Bool {
    guard filter.matches(summary) else { return false }
    if fieldsMatch(summary) { return true }
    guard var plaintext = try text() else { return false }
    defer { wipe(&plaintext) }
    return matcher.matches(bytes: plaintext)
  }
}
