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
    let recipient =
      header.to == given.to
      ? RecipientChoice(name: header.to, couldBe: []) : try RecipientChoice.afterWriting(header.to, in: vault)
    let id = try vault.write(
      LetterDraft(recipient: recipient.name, subject: header.subject, tags: header.tags ?? [], body: body))
    Console.out(id.description + "\n")
    Console.info("saved as a draft (\(id.short))")
    recipient.remind(id)
  }
}
