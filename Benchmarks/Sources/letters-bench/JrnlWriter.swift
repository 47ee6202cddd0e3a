import Foundation

/// The same corpus as a plaintext jrnl journal (jrnl's own text format), for
/// `scripts/compare-jrnl`, which encrypts it with jrnl's code before timing anything.
///
/// Config used by the script: `timeformat: "%Y-%m-%d %H:%M"`, `tagsymbols: "@"`.
enum JrnlWriter {
  static func write(count: Int, to path: String) throws {
    var corpus = Corpus()
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone.current
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    let start = Date().addingTimeInterval(-Double(count) * 21_600)
    var text = ""
    text.reserveCapacity(count * 1700)
    for index in 0..<count {
      let (recipient, subject, tags, body) = corpus.letter(index)
      let date = formatter.string(from: start.addingTimeInterval(Double(index) * 21_600))
      let tagText = tags.map { "@" + $0 }.joined(separator: " ")
      text += "[\(date)] \(subject.isEmpty ? "untitled" : subject).\n"
      text += "To \(recipient.isEmpty ? "no one" : recipient). \(tagText)\n\(body)\n\n"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }
}
