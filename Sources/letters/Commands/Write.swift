import ArgumentParser
import LetterVault

struct Write: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "write",
    abstract: "Write a new letter (from stdin when piped, else in $EDITOR).",
    discussion: """
      In the editor the letter opens below a short header (To, Subject, Tags): fill them in \
      there rather than with flags, which other users can see in `ps` and which stay in \
      your shell's history. --to also takes the start of a name you have written to before.
      """)

  @OptionGroup var options: VaultOptions
  @Option(help: "Who the letter is to (or the start of a known name).", completion: Completions.recipients)
  var to: String = ""
  @Option(help: "A subject line.") var subject: String = ""
  @Option(help: "A tag (repeatable).") var tag: [String] = []

  func run() throws {
    let vault = try options.open()
    Recovery.recoverLeftovers(into: vault)
    let given = LetterHeader(to: try RecipientChoice.beforeWriting(to, in: vault), subject: subject, tags: tag)
    let (header, body) = try BodyInput.readLetter(given)
    let recipient = try RecipientChoice.afterWriting(header.to, given: given.to, in: vault)
    let id = try Self.save(
      LetterDraft(recipient: recipient.name, subject: header.subject, tags: header.tags ?? [], body: body),
      header: header, in: vault)
    Console.out(id.description + "\n")
    Console.info("saved as a draft (\(id.short))")
    recipient.remind(id)
  }

  /// Saves `draft`. When a field typed in the editor's header is refused (a tag too long, too
  /// many tags), the letter is still saved, with its header kept as the first lines of the
  /// text: what was typed in the editor is never lost over a field.
  static func save(_ draft: LetterDraft, header: LetterHeader, in vault: Vault) throws -> LetterID {
    let refused: String
    do {
      return try vault.write(draft)
    } catch {
      guard case .invalidInput(let reason) = error, Console.stdinIsTerminal else { throw error }
      refused = reason.text
    }
    let id = try vault.write(LetterDraft(body: header.compose(body: draft.body)))
    Console.warning("\(refused), so the header was kept as part of the text")
    Console.warning("to move it back into the fields: letters edit \(id.short)")
    return id
  }
}
