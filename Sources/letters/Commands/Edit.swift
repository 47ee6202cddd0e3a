import ArgumentParser
import LetterVault

struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Save a new revision of a letter (text from stdin or $EDITOR).")

  @OptionGroup var options: VaultOptions
  @Argument(help: "The letter's id (4 or more characters).", completion: Completions.letterIDs) var id: String
  @Option(help: "A new recipient.", completion: Completions.recipients) var to: String?
  @Option(help: "A new subject.") var subject: String?
  @Flag(help: "Change only --to/--subject and keep the text.") var keepText = false

  func run() throws {
    let vault = try options.open()
    let letterID = try vault.resolve(id)
    let current = try vault.letter(letterID)
    guard current.summary.state != .sent else {
      throw VaultError.notAllowed(
        "letter \(letterID.short) was sent, so its text stays as it was; a note can still be added")
    }
    let body: [UInt8]? = keepText ? nil : try BodyInput.read(initial: Array(current.body.utf8))
    try vault.edit(letterID, body: body, recipient: to, subject: subject)
    let edited = try vault.letter(letterID)
    Console.info("saved revision \(edited.summary.revision) of \(letterID.short)")
    if edited.summary.releaseAt != nil {
      Console.info("its cooling-off starts again from now")
    }
  }
}
