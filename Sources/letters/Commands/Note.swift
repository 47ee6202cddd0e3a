import ArgumentParser
import Foundation
import LetterVault

struct Note: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Add a dated note to a letter: how it feels now, a reply received.",
    discussion: "The note is read from stdin (or $EDITOR), never from the command line.")

  @OptionGroup var options: VaultOptions
  @Argument(help: "The letter's id.") var id: String

  func run() throws {
    let vault = try options.open()
    let letterID = try vault.resolve(id)
    let bytes = try BodyInput.read()
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw VaultError.invalidInput("the note is not valid UTF-8; nothing was saved")
    }
    try vault.addNote(letterID, text: text)
    Console.info("note added to \(letterID.short)")
  }
}
