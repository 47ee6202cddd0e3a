import VaultRecords
import Foundation

/// A text or Markdown file that letters exported (FORMAT.md §19 "Letters-Data lines"): it
/// starts with a `Letters-Data:` line, and every letter in it is that line, the readable
/// header, a blank line, exactly the text's bytes, then its notes, each exactly its bytes.
/// The readable header and note dates are for people; what is imported comes from the
/// Letters-Data line and the bytes it counts. A file edited out of that shape is refused,
/// naming the letter, rather than read as something it is not.
struct TextExportReader {
  let dates: ExportDates
  private let bytes: ArraySlice<UInt8>
  private var at: Int

  init(_ bytes: [UInt8], timeZone: TimeZone) {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    self.bytes = bytes.starts(with: bom) ? bytes.dropFirst(3) : bytes[...]
    at = self.bytes.startIndex
    dates = ExportDates(timeZone: timeZone)
  }

  /// True when the file's first line is a Letters-Data line; hand-written text and front
  /// matter never start with one, so they are read as before.
  static func recognises(_ bytes: [UInt8]) -> Bool {
    var reader = TextExportReader(bytes, timeZone: .current)
    return reader.line().flatMap { LetterFrame.style(of: $0) } != nil
  }

  mutating func read() throws(ImportFailure) -> [ImportedLetter] {
    var letters: [ImportedLetter] = []
    // Every letter of a file in the style of the first: a txt frame inside a Markdown export
    // (or the reverse) is not something letters wrote.
    var copy = self
    let style = copy.line().flatMap { LetterFrame.style(of: $0) } ?? .text
    while true {
      let number = letters.count + 1
      do {
        letters.append(try letter(style))
      } catch {
        throw ImportFailure("letter \(number) of this export: \(error.reason)", invalid: error.invalid)
      }
      if at == bytes.endIndex { return letters }
    }
  }

  private mutating func letter(_ style: LetterFrame.Style) throws(ImportFailure) -> ImportedLetter {
    guard let first = line(), LetterFrame.style(of: first) == style else {
      throw ImportFailure("it does not start with a Letters-Data line")
    }
    let frame = try LetterFrame(parsing: first, style: style)
    // The readable header: in Markdown a `#` title and a blank line, then non-empty lines up
    // to the blank line before the text (header fields are kept on one line).
    if style == .markdown {
      guard let title = line(), !title.isEmpty else { throw shape("the title is missing") }
      try expect("\n")
    }
    while true {
      guard let header = line() else { throw shape("the header has no end") }
      if header.isEmpty { break }
    }
    let body = try text(frame.bytes)
    var notes: [String] = []
    if let frames = frame.notes, !frames.isEmpty {
      if style == .markdown { try expect("\n## Notes\n") }
      for note in frames {
        // "\nNote, DATE:\n" in text, "\n**DATE**\n\n" in Markdown.
        try expect("\n")
        guard let label = line(), !label.isEmpty else { throw shape("a note has no date line") }
        if style == .markdown { try expect("\n") }
        notes.append(try text(note.bytes))
      }
    }
    if at != bytes.endIndex {
      try expect(style.separator)
      guard peekFrame() else { throw shape("what follows it is not the next letter") }
    }
    return try frame.letter(body: body, notes: notes, dates: dates)
  }

  private func shape(_ what: String) -> ImportFailure {
    ImportFailure("\(what) (was the file changed after it was exported? The JSON export can be edited safely)")
  }

  /// Exactly `count` bytes of text, and the newline the exporter adds after a text without one.
  private mutating func text(_ count: Int) throws(ImportFailure) -> String {
    guard count <= bytes.endIndex - at else { throw shape("its text is shorter than the \(count) bytes it had") }
    let slice = bytes[at..<(at + count)]
    guard let text = String(validating: slice, as: UTF8.self) else { throw shape("its text is not whole UTF-8") }
    at += count
    if count > 0, slice.last != 0x0A { try expect("\n") }
    return text
  }

  private mutating func expect(_ literal: String) throws(ImportFailure) {
    let expected = Array(literal.utf8)
    guard bytes[at...].starts(with: expected) else {
      throw shape("its text or notes do not end where its Letters-Data line says")
    }
    at += expected.count
  }

  private func peekFrame() -> Bool {
    var copy = self
    return copy.line().flatMap { LetterFrame.style(of: $0) } != nil
  }

  /// The next line without its newline; nil at the end or when the line is not ended.
  private mutating func line() -> Substring? {
    guard let newline = bytes[at...].firstIndex(of: 0x0A) else { return nil }
    let line = Substring(String(decoding: bytes[at..<newline], as: UTF8.self))
    at = newline + 1
    return line
  }
}
