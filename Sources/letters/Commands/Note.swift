import ArgumentParser
import Foundation
import LetterVault

struct Note: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note",
    abstract: "Add a dated note to a letter: how it feels now, a reply received.",
    discussion: """
      Without TEXT the note is read from stdin when piped, else written in $EDITOR. Text given \
      as an argument is visible in shell history and to other processes; stdin or the editor \
      keeps it private.
      """)

  @OptionGroup var options: VaultOptions
  @Argument(help: "The letter's id.", completion: Completions.letterIDs) var id: String
  @Argument(help: "The note (optional; see above).") var text: String?

  func run() throws {
    let vault = try options.open()
    let letterID = try vault.resolve(id)
    let bytes = try text.map { Array($0.utf8) } ?? BodyInput.read()
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw CLIError.invalidArgument("the note is not valid UTF-8; nothing was saved")
    }
    try vault.addNote(letterID, text: text)
    Console.info("note added to \(letterID.short)")
  }
}
