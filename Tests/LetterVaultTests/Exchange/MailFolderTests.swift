import Foundation
import LetterVault
import Testing

/// Mailboxes as people have them: the CPython corpus as one mbox, Thunderbird's `Drafts`
/// without an extension, Maildir and Apple Mail `.mbox` folders (real files in a temporary
/// folder, read by ``ImportFiles``).
@Suite struct MailFolderTests {
  let importer = LetterImporter(timeZone: TimeZone(identifier: "UTC")!)

  /// The 48 corpus messages as one mboxrd file, in name order.
  static func corpusMailbox() throws -> [UInt8] {
    var mbox: [UInt8] = []
    for entry in MailCorpusTests.corpus {
      var text = String(decoding: try Golden.load("cpython-email/\(entry.file)"), as: UTF8.self)
      // A message's own envelope line (msg_43) is its separator; others get one.
      var separator = "From corpus@example.org Sat Nov 22 10:00:00 2025"
      if text.hasPrefix("From "), let newline = text.firstIndex(of: "\n") {
        separator = String(text[..<newline])
        text = String(text[text.index(after: newline)...])
      }
      mbox += Array((separator + "\n").utf8)
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let quoted = line.drop(while: { $0 == ">" }).hasPrefix("From ") ? ">" + line : String(line)
        mbox += Array((quoted + "\n").utf8)
      }
      mbox += [0x0A]
    }
    return mbox
  }

  @Test func everyUnreadableMessageOfAMailboxIsNamedAndNothingIsRead() throws {
    let source = ImportSource(name: "corpus.mbox", bytes: try Self.corpusMailbox(), modified: Date())
    let error = #expect(throws: VaultError.self) { try importer.read([source], skipUnreadable: false) }
    guard case .importRefused(let problems)? = error else { return }
    let expectedNumbers = MailCorpusTests.corpus.enumerated()
      .filter { MailCorpusTests.refused[$0.element.file] != nil }.map { $0.offset + 1 }
    #expect(problems.count == MailCorpusTests.refused.count)
    #expect(problems.compactMap(\.message?.number) == expectedNumbers)
    #expect(problems.allSatisfy { $0.file == "corpus.mbox" && !$0.reason.isEmpty })
    let sixth = try #require(problems.first { $0.message?.number == 6 })
    #expect(sixth.message?.subject == "forwarded message from Barry A. Warsaw")
  }

  @Test func skippingUnreadableMessagesReadsTheRestAndListsWhatItLeft() throws {
    let source = ImportSource(name: "corpus.mbox", bytes: try Self.corpusMailbox(), modified: Date())
    let reading = try importer.read([source], skipUnreadable: true)
    #expect(reading.letters.count == MailCorpusTests.corpus.count - MailCorpusTests.refused.count)
    #expect(reading.skipped.count == MailCorpusTests.refused.count)
  }

  static func folder() throws -> String {
    let path = NSTemporaryDirectory() + "letters-mail-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  @Test func aMaildirAndAnExtensionlessMboxAndAnAppleMailFolderAreReadByContent() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let one = MailboxImportTests.message(date: "21 Nov 97 09:55:06 GMT", subject: "from cur")
    let two = MailboxImportTests.message(date: "22 Nov 97 09:55:06 GMT", subject: "from new")
    try Self.write(one, to: root + "/Maildir/cur/1700000000.M1P2.host:2,S")
    try Self.write(two, to: root + "/Maildir/new/1700000001.M1P3.host")
    try FileManager.default.createDirectory(atPath: root + "/Maildir/tmp", withIntermediateDirectories: true)
    try Self.write("From me Sat Nov 22 10:00:00 2025\n" + one, to: root + "/Unsent Messages")
    try Self.write("From me Sat Nov 22 10:00:00 2025\n" + two, to: root + "/Old.mbox/mbox")
    try Self.write("\(one.utf8.count)\n" + one + "<?xml version=\"1.0\"?><plist/>", to: root + "/Apple.mbox/ABC/Data/Messages/1.emlx")
    let (sources, problems) = ImportFiles.load([
      root + "/Maildir", root + "/Unsent Messages", root + "/Old.mbox", root + "/Apple.mbox",
    ])
    #expect(problems.isEmpty)
    let letters = try importer.read(sources)
    #expect(letters.map(\.subject) == ["from cur", "from new", "from cur", "from new", "from cur"])
    #expect(letters.allSatisfy { $0.body == "Dear you,\n" })
  }

  @Test func aMissingFileAndAFolderOfAnotherKindAreNamedTogether() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root + "/photos", withIntermediateDirectories: true)
    let (sources, problems) = ImportFiles.load([root + "/nope.mbox", root + "/photos"])
    #expect(sources.isEmpty)
    #expect(problems.map(\.reason) == [
      "there is no such file",
      "this folder is neither a Maildir (with cur/ and new/) nor an Apple Mail .mbox folder; name the files in it instead",
    ])
  }
}
