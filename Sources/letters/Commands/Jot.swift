import ArgumentParser
import LetterVault

struct Jot: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "jot",
    abstract: "Write a letter without the passphrase; it joins your drafts at the next unlock.",
    discussion: """
      The text is sealed to the vault's public key: jotting needs no passphrase and cannot \
      open any letter, not even this one, until the vault is unlocked. Text from the \
      arguments (visible in shell history), stdin when piped, or $EDITOR, where a short \
      header (To, Subject) keeps those out of `ps` and history too.
      """)

  @OptionGroup var options: VaultOptions
  @Option(help: "Who the letter is to.", completion: Completions.recipients) var to: String = ""
  @Option(help: "A subject line.") var subject: String = ""
  @Argument(help: "The text (optional; see above).") var words: [String] = []

  func run() throws {
    let text = words.joined(separator: " ")
    if !words.isEmpty, text.allSatisfy(\.isWhitespace) { throw CLIError.emptyLetter }
    let given = LetterHeader(to: to, subject: subject, tags: nil)
    // Without the passphrase the known names cannot be read: the To line is kept as typed.
    let (header, body) = words.isEmpty ? try BodyInput.readLetter(given) : (given, Array(text.utf8))
    try Vault.jot(
      LetterDraft(recipient: header.to, subject: header.subject, body: body), at: options.path)
    Console.info("sealed; it will join your drafts the next time you unlock the vault")
  }
}
