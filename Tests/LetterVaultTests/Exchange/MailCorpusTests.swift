import Foundation
import LetterVault
import Testing

/// Mail nobody here wrote, compared with what Python's `email` package (`policy.default`)
/// reads from the same bytes (scripts/corpus-expected wrote the expected values; docs/IMPORT.md
/// has the table). Every message either imports exactly, differs in a way listed below with
/// its reason, or is refused with a reason listed below: nothing changes silently.
@Suite struct MailCorpusTests {
  struct Expected: Decodable {
    var file: String
    var to: String?
    var subject: String?
    var date: String?
    var text: String?
  }

  static let modified = Date(timeIntervalSince1970: 1_700_000_000)

  static func expected(_ folder: String) throws -> [Expected] {
    try JSONDecoder().decode([Expected].self, from: Data(Golden.load("\(folder)/expected.json")))
  }

  static func utc(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  /// Fields where letters reads a message differently from Python, and why (docs/IMPORT.md).
  static let differences: [String: (fields: Set<String>, why: String)] = [
    "msg_15.txt": (["text"], "quoted-printable line ends in a blank: RFC 2045 §6.7 (3) removes it, Python keeps it")
  ]

  /// Messages letters refuses, and the start of the reason it gives (docs/IMPORT.md).
  static let refused: [String: String] = {
    var refused: [String: String] = [:]
    // Python finds no plain-text body either.
    for file in ["msg_06.txt", "msg_11.txt", "msg_28.txt", "msg_30.txt", "msg_46.txt"] {
      refused[file] = "the message only carries other messages (a forward or a digest)"
    }
    for file in ["msg_17.txt", "msg_25.txt", "msg_31.txt", "msg_40.txt", "msg_41.txt"] {
      refused[file] = "the message has no plain-text part"
    }
    // Python reads an empty text (msg_37: none at all; its parts are empty).
    for file in ["msg_08.txt", "msg_09.txt", "msg_12.txt", "msg_12a.txt", "msg_24.txt", "msg_37.txt"] {
      refused[file] = "there is no text to import"
    }
    refused["msg_18.txt"] = "the message has no body"
    // No header at all: Python takes the whole file as the body of a message without headers.
    refused["msg_19.txt"] = "line 1 is not a mail header"
    return refused
  }()

  static let corpus = (try? expected("cpython-email")) ?? []

  @Test(arguments: corpus.map(\.file))
  func eachCorpusMessageImportsAsPythonReadsItOrDiffersForAListedReason(file: String) throws {
    let expected = try #require(Self.corpus.first { $0.file == file })
    // The corpus files end in .txt; as mail they would be .eml (SourceKind reads .txt as text).
    let source = ImportSource(
      name: file.replacingOccurrences(of: ".txt", with: ".eml"), bytes: try Golden.load("cpython-email/\(file)"),
      modified: Self.modified)
    let letters: [ImportedLetter]
    do {
      letters = try LetterImporter(timeZone: TimeZone(identifier: "UTC")!).read([source])
    } catch {
      guard case .importRefused(let problems) = error, let reason = Self.refused[file] else {
        Issue.record("\(file) was refused, not listed as refused: \(error)")
        return
      }
      #expect(problems.first?.reason.hasPrefix(reason) == true, "\(file): \(problems.first?.reason ?? "")")
      return
    }
    #expect(Self.refused[file] == nil, "\(file) is listed as refused but imported")
    let letter = try #require(letters.first)
    var differing: Set<String> = []
    if letter.recipient != (expected.to ?? "") { differing.insert("to") }
    if letter.subject != (expected.subject ?? "") { differing.insert("subject") }
    if (letter.datedBySource ? Self.utc(letter.created) : nil) != expected.date { differing.insert("date") }
    if letter.body != (expected.text ?? "") { differing.insert("text") }
    let listed = Self.differences[file]?.fields ?? []
    #expect(
      differing == listed,
      """
      \(file): differs in \(differing.sorted()), listed \(listed.sorted())
        to \(letter.recipient.debugDescription) vs \((expected.to ?? "").debugDescription)
        subject \(letter.subject.debugDescription) vs \((expected.subject ?? "").debugDescription)
        date \(letter.datedBySource ? Self.utc(letter.created) : "-") vs \(expected.date ?? "-")
        text \(letter.body.prefix(300).debugDescription) vs \((expected.text ?? "").prefix(300).debugDescription)
      """)
  }

  static let charsets = (try? expected("charsets")) ?? []

  @Test(arguments: charsets.map(\.file))
  func aMessageInEachCharsetImportsWithItsTextAndHeaders(file: String) throws {
    let expected = try #require(Self.charsets.first { $0.file == file })
    let source = ImportSource(name: file, bytes: try Golden.load("charsets/\(file)"), modified: Self.modified)
    let letter = try #require(try LetterImporter().read([source]).first)
    #expect(letter.body == expected.text)
    #expect(letter.subject == expected.subject)
    #expect(letter.recipient == expected.to)
    #expect(Self.utc(letter.created) == expected.date)
  }
}
