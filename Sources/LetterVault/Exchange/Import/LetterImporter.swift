import VaultRecords
import Foundation

/// Reads letters from files (FORMAT.md §19 "Import files"): text and Markdown with optional
/// front matter, single messages, mbox mailboxes, jrnl's JSON export, and letters' own JSON
/// export. Text and JSON are known by their extension; mail by its content, whatever the
/// file is called (Thunderbird's `Drafts` has none). Pure: bytes in, letters out; the caller
/// (or ``ImportFiles``) reads the files.
public struct LetterImporter: Sendable {
  /// The zone for dates written without one ("2026-05-03 22:14", jrnl's dates).
  public var timeZone: TimeZone

  /// Creates an importer reading zone-less dates in `timeZone`.
  public init(timeZone: TimeZone = .current) {
    self.timeZone = timeZone
  }

  /// Every letter in `sources`, in order. If any file cannot be read, nothing is returned:
  /// ``VaultError/importRefused(_:)`` names every such file and why.
  public func read(_ sources: [ImportSource]) throws(VaultError) -> [ImportedLetter] {
    try read(sources, skipUnreadable: false).letters
  }

  /// Every letter in `sources`, with notes. Every unreadable file and every unreadable
  /// message of a mailbox is named (with its position, subject and date); unless
  /// `skipUnreadable`, any of them refuses the whole import with
  /// ``VaultError/importRefused(_:)``, otherwise they are listed in ``ImportReading/skipped``.
  /// `problems` are failures found before reading (a missing file), treated the same way.
  public func read(_ sources: [ImportSource], skipUnreadable: Bool, problems: [ImportProblem] = [])
    throws(VaultError) -> ImportReading
  {
    var reading = ImportReading()
    var problems = problems
    for source in sources {
      do {
        let found = try read(source)
        reading.letters += found.letters
        reading.notes += found.notes
        problems += found.problems
      } catch {
        problems.append(ImportProblem(file: source.name, reason: error.reason, invalid: error.invalid))
      }
    }
    guard problems.isEmpty || skipUnreadable else { throw .importRefused(problems) }
    reading.skipped = problems
    return reading
  }

  struct SourceReading {
    var letters: [ImportedLetter] = []
    var notes: [ImportNote] = []
    /// Unreadable messages of a mailbox; the others are still read.
    var problems: [ImportProblem] = []
  }

  func read(_ source: ImportSource) throws(ImportFailure) -> SourceReading {
    let dates = ImportDates(timeZone: timeZone)
    var result = SourceReading()
    switch try SourceKind(source) {
    case .text where TextExportReader.recognises(source.bytes):
      var reader = TextExportReader(source.bytes, timeZone: timeZone)
      result.letters = try reader.read()
    case .text:
      let front = try FrontMatterReader(dates: dates).read(try Self.text(source.bytes), modified: source.modified)
      result.letters = front.letters
      if !front.ignored.isEmpty { result.notes.append(ImportNote(file: source.name, fact: .fieldsIgnored(front.ignored))) }
    case .json:
      result.letters = try JSONImportReader(dates: dates).read(source.bytes)
    case .mail(let bytes):
      let messages = Mailbox.split(bytes)
      guard !messages.isEmpty else { throw ImportFailure("the file is empty") }
      let reader = MailReader(dates: dates)
      for (index, message) in messages.enumerated() {
        let place = messages.count == 1 ? nil : Self.place(of: message.bytes, number: index + 1)
        do {
          let read = try reader.read(message.bytes, modified: source.modified, separatorDate: message.separatorDate)
          try Self.check(read.letter, prefix: "")
          result.letters.append(read.letter)
          result.notes += read.notes.map { ImportNote(file: source.name, message: place, fact: $0) }
        } catch {
          guard messages.count > 1 else { throw error }
          result.problems.append(
            ImportProblem(file: source.name, reason: error.reason, invalid: error.invalid, message: place))
        }
      }
      return result
    }
    for (index, letter) in result.letters.enumerated() {
      try Self.check(letter, prefix: result.letters.count == 1 ? "" : "letter \(index + 1): ")
    }
    return result
  }

  /// What the vault would refuse, found before anything is written.
  private static func check(_ letter: ImportedLetter, prefix: String) throws(ImportFailure) {
    guard !letter.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw ImportFailure(prefix + "there is no text to import")
    }
    do {
      _ = try Validation.fields(recipient: letter.recipient, subject: letter.subject, tags: letter.tags)
      try Validation.body(Array(letter.body.utf8))
    } catch {
      guard case .invalidInput(let invalid) = error else { throw ImportFailure(prefix + "\(error)") }
      throw ImportFailure(prefix, invalid: invalid)
    }
  }

  /// A message's position, subject and date, read leniently so even a broken message is named.
  static func place(of bytes: [UInt8], number: Int) -> MessagePlace {
    let headers = (try? MIMEPart.headers(in: MailReader.unixNewlines(bytes), from: 0, strict: false))?.headers ?? []
    let value = { (name: String) in headers.first { $0.name == name }?.value ?? "" }
    return MessagePlace(number: number, subject: EncodedWords.decode(value("subject")), date: value("date"))
  }

  static func text(_ bytes: [UInt8]) throws(ImportFailure) -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ImportFailure("the file is not valid UTF-8 text (perhaps another encoding, or not text)")
    }
    return text
  }
}
