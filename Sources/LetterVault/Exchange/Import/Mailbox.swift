import VaultRecords
/// An mbox file (first line `From `) split into its messages (FORMAT.md §19 "Import files"),
/// mboxrd `>From ` quoting undone, each with the date of its `From ` line. One pass.
enum Mailbox {
  struct Message {
    let bytes: [UInt8]
    /// The asctime date of the `From ` line (`From sender Sat Nov 22 10:00:00 2026`).
    let separatorDate: MailDate?
  }

  static func isMailbox(_ bytes: some Collection<UInt8>) -> Bool { bytes.starts(with: fromPrefix) }

  private static let fromPrefix = Array("From ".utf8)

  static func split(_ bytes: [UInt8]) -> [Message] {
    guard isMailbox(bytes) else { return bytes.isEmpty ? [] : [Message(bytes: bytes, separatorDate: nil)] }
    var messages: [Message] = []
    var lines: [ArraySlice<UInt8>]?
    var separatorDate: MailDate?
    func finish() {
      // The one blank line before the next `From ` line separates messages; it is not text.
      guard var done = lines else { return }
      if let last = done.last, last.isEmpty || last == [0x0D] { done.removeLast() }
      messages.append(Message(bytes: Array(done.joined(separator: [0x0A])) + [0x0A], separatorDate: separatorDate))
    }
    var previousBlank = true
    let content = bytes.last == 0x0A ? bytes.dropLast() : bytes[...]
    for line in content.split(separator: 0x0A, omittingEmptySubsequences: false) {
      if previousBlank && line.starts(with: fromPrefix) {
        finish()
        lines = []
        separatorDate = date(ofSeparator: line)
        previousBlank = false
        continue
      }
      var kept = line
      if kept.first == 0x3E, kept.drop(while: { $0 == 0x3E }).starts(with: fromPrefix) {
        kept = kept.dropFirst()
      }
      lines?.append(kept)
      previousBlank = line.isEmpty || line == [0x0D]
    }
    finish()
    return messages
  }

  /// `From sender@example.org Sat Nov 22 10:00:00 2026`: everything after the sender.
  private static func date(ofSeparator line: ArraySlice<UInt8>) -> MailDate? {
    let words = line.dropFirst(5).split(separator: 0x20, maxSplits: 1)
    guard words.count == 2, words[1].count <= 80 else { return nil }
    return MailDate(String(decoding: words[1], as: UTF8.self))
  }
}
