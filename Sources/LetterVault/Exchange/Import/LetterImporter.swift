import VaultRecords
import Foundation

/// Reads letters from files (README `letters import`): `.txt`/`.md` with optional front
/// matter, `.eml` and `.mbox` mail, jrnl's JSON export, and letters' own JSON export.
/// Pure: bytes in, ``ImportedLetter``s out; the caller reads the files.
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
    var letters: [ImportedLetter] = []
    var problems: [ImportProblem] = []
    for source in sources {
      do {
        letters += try read(source)
      } catch {
        problems.append(ImportProblem(file: source.name, reason: error.reason, invalid: error.invalid))
      }
    }
    guard problems.isEmpty else { throw .importRefused(problems) }
    return letters
  }

  func read(_ source: ImportSource) throws(ImportFailure) -> [ImportedLetter] {
    let dates = ImportDates(timeZone: timeZone)
    let lowered = source.name.lowercased()
    let letters: [ImportedLetter]
    if [".txt", ".md", ".markdown", ".text"].contains(where: lowered.hasSuffix) {
      letters = [try FrontMatterReader(dates: dates).read(try Self.text(source.bytes), modified: source.modified)]
    } else if lowered.hasSuffix(".eml") || lowered.hasSuffix(".mbox") {
      let messages = MailReader.splitMailbox(source.bytes)
      guard !messages.isEmpty else { throw ImportFailure("the file is empty") }
      var found: [ImportedLetter] = []
      for (index, message) in messages.enumerated() {
        do { found.append(try MailReader(dates: dates).read(message, modified: source.modified)) } catch {
          throw messages.count == 1 ? error : ImportFailure("message \(index + 1): \(error.reason)", invalid: error.invalid)
        }
      }
      letters = found
    } else if lowered.hasSuffix(".json") {
      letters = try JSONImportReader(dates: dates).read(source.bytes)
    } else {
      throw ImportFailure("letters can import .txt, .md, .eml, .mbox and .json files")
    }
    for (index, letter) in letters.enumerated() {
      let prefix = letters.count == 1 ? "" : "letter \(index + 1): "
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
    return letters
  }

  static func text(_ bytes: [UInt8]) throws(ImportFailure) -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ImportFailure("the file is not valid UTF-8 text (perhaps another encoding, or not text)")
    }
    return text
  }
}
