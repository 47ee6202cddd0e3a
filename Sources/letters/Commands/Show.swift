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
    let status = letter.summary.releaseAt != nil ? try vault.sendStatus(letter.summary.id) : nil
    try Pager.show(LetterText.render(letter, status: status), paging: pager.paging)
  }
}

/// The printable form of one letter: a short header, then the text exactly as written.
enum LetterText {
  /// `status` is where its send request stands now; without it no moment is named.
  static func render(_ letter: Letter, status: SendStatus? = nil) -> String {
    let summary = letter.summary
    var header = ""
    if !summary.recipient.isEmpty { header += "To: \(summary.recipient)\n" }
    if !summary.subject.isEmpty { header += "Subject: \(summary.subject)\n" }
    var state = "\(summary.state)"
    if let sent = summary.sentAt { state += " \(Formatting.local(sent)) (\(summary.sentHow))" }
    if summary.state == .held, let status, let note = SendStatusText.showNote(status) {
      state += ", \(note)"
    }
    header += "State: \(state)\n"
    header += "Written: \(Formatting.local(summary.created)), revision \(summary.revision)\n"
    if !summary.tags.isEmpty { header += "Tags: \(summary.tags.joined(separator: ", "))\n" }
    header += "Fingerprint: \(letter.fingerprint)\n"
    let body = letter.body.hasSuffix("\n") || letter.body.isEmpty ? letter.body : letter.body + "\n"
    return header + "\n" + body
  }
}
