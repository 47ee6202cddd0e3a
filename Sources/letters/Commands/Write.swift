import ArgumentParser
import LetterVault

struct Write: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "write",
    abstract: "Write a new letter (from stdin when piped, else in $EDITOR).")

  @OptionGroup var options: VaultOptions
  @Option(help: "Who the letter is to.", completion: Completions.recipients) var to: String = ""
  @Option(help: "A subject line.") var subject: String = ""
  @Option(help: "A tag (repeatable).") var tag: [String] = []

  func run() throws {
    let vault = try options.open()
    Recovery.recoverLeftovers(into: vault)
    let body = try BodyInput.read()
    let id = try vault.write(LetterDraft(recipient: to, subject: subject, tags: tag, body: body))
    Console.out(id.description + "\n")
    Console.info("saved as a draft (\(id.short))")
  }
}
