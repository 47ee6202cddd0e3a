import LetterVault

extension ImportProblem {
  /// "notes.md: the front matter has no closing ---", or for one message of a mailbox
  /// "Drafts: message 6 (“after Tuesday”, 21 Nov 97): its text is not valid koi8-r".
  var text: String { "\(file): \(message.map { "\($0.text): " } ?? "")\(reason)\(invalid?.text ?? "")" }
}

extension MessagePlace {
  /// "message 6 (“after Tuesday”, Fri, 21 Nov 1997 09:55:06 -0600)".
  var text: String {
    let facts = [subject.isEmpty ? "no subject" : "“\(subject)”", date.isEmpty ? nil : date].compactMap { $0 }
    return "message \(number) (\(facts.joined(separator: ", ")))"
  }
}

extension [ImportProblem] {
  /// "3 files", "22 messages", "2 files and messages".
  var countText: String {
    let messages = filter { $0.message != nil }.count
    let noun =
      messages == count
      ? (count == 1 ? "message" : "messages") : messages == 0 ? (count == 1 ? "file" : "files") : "files and messages"
    return "\(count) \(noun)"
  }
}
