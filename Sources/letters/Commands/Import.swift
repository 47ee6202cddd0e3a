import ArgumentParser
import Foundation
import LetterVault

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bring in letters from text, Markdown, .eml/.mbox, jrnl JSON or a letters JSON export.",
    discussion: """
      Text and Markdown files may start with front matter (to:, subject:, date:, state:, tags: \
      between --- lines; other fields are left aside with a note). A text or Markdown export of \
      letters comes back letter by letter, by its Letters-Data lines. A folder may be a Maildir or an \
      Apple Mail .mbox folder; mail is recognised by its content, whatever the file is called \
      (Thunderbird's Drafts). Letters keep their original dates. Everything is imported in one \
      step: if any file or message cannot be read, each is named and nothing is imported \
      (exit 65), unless --skip-unreadable, which imports the rest and lists what it left out. \
      Importing the same files again adds nothing twice.
      """)

  @OptionGroup var options: VaultOptions
  @Flag(help: "Import every letter that can be read, and list the files and messages left out.")
  var skipUnreadable = false
  @Argument(help: "Files or mail folders to import.", completion: .file()) var paths: [String]

  func validate() throws {
    guard !paths.isEmpty else { throw ValidationError("name at least one file to import") }
  }

  func run() throws {
    // Every file is read before the passphrase is asked, so a typo costs nothing.
    let (sources, missing) = ImportFiles.load(paths)
    let reading = try LetterImporter().read(sources, skipUnreadable: skipUnreadable, problems: missing)
    if reading.letters.isEmpty, !reading.skipped.isEmpty { throw VaultError.importRefused(reading.skipped) }
    let letters = reading.letters
    let vault = try options.open()
    let summary = try ProgressLine.around { try vault.importLetters(letters, progress: $0) }
    let count = summary.imported.count
    var message = "imported \(count) letter\(count == 1 ? "" : "s")"
    if summary.alreadyPresent > 0 {
      message += ", \(summary.alreadyPresent) \(summary.alreadyPresent == 1 ? "was" : "were") already here"
    }
    if summary.burned > 0 {
      message += "; \(summary.burned) \(summary.burned == 1 ? "was" : "were") burned here before and \(summary.burned == 1 ? "was" : "were") left out"
    }
    Console.info(message)
    if !Console.quiet { for note in reading.notes { Console.detail(note.text) } }
    if !reading.skipped.isEmpty {
      Console.warning("left out \(reading.skipped.countText) that could not be read:")
      for problem in reading.skipped { Console.detail(problem.text) }
    }
  }
}
