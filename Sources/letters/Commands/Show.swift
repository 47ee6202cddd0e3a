import ArgumentParser
import LetterVault

struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a letter, its state and its fingerprint.")

  @OptionGroup var options: VaultOptions
  @Argument(help: "The letter's id (4 or more characters).", completion: Completions.letterIDs) var id: String
  @Flag(help: "Print JSON.") var json = false
  @Flag(help: "Print only the text.") var textOnly = false
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let vault = try options.open()
    let letter = try vault.letter(try vault.resolve(id))
    if json {
      try Formatting.printJSON(
        Formatting.json(letter.summary, body: letter.body, fingerprint: letter.fingerprint))
      return
    }
    if textOnly {
      Console.out(letter.body)
      return
    }
    try Pager.show(LetterText.render(letter), paging: pager.paging)
  }
}

/// The printable form of one letter: a short header, then the text exactly as written.
enum LetterText {
  static func render(_ letter: Letter) -> String {
    let summary = letter.summary
    var header = ""
    if !summary.recipient.isEmpty { header += "To: \(summary.recipient)\n" }
    if !summary.subject.isEmpty { header += "Subject: \(summary.subject)\n" }
    var state = "\(summary.state)"
    if let sent = summary.sentAt { state += " \(Formatting.local(sent)) (\(summary.sentHow))" }
    if let release = summary.releaseAt, summary.state == .held {
      state += ", may be sent from \(Formatting.local(release))"
    }
    header += "State: \(state)\n"
    header += "Written: \(Formatting.local(summary.created)), revision \(summary.revision)\n"
    if !summary.tags.isEmpty { header += "Tags: \(summary.tags.joined(separator: ", "))\n" }
    header += "Fingerprint: \(letter.fingerprint)\n"
    let body = letter.body.hasSuffix("\n") || letter.body.isEmpty ? letter.body : letter.body + "\n"
    return header + "\n" + body
  }
}
