import ArgumentParser
import Foundation
import LetterVault

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bring in letters from text, Markdown, .eml/.mbox, jrnl JSON or a letters JSON export.",
    discussion: """
      Text and Markdown files may start with front matter (to:, subject:, date:, state:, tags: \
      between --- lines). Letters keep their original dates. Everything is imported in one step: \
      if any file cannot be read, each such file is named and nothing is imported (exit 65). \
      Importing the same files again adds nothing twice.
      """)

  @OptionGroup var options: VaultOptions
  @Argument(help: "Files to import.", completion: .file()) var paths: [String]

  func validate() throws {
    guard !paths.isEmpty else { throw ValidationError("name at least one file to import") }
  }

  func run() throws {
    let sources = try paths.map(Self.source)
    let letters = try LetterImporter().read(sources)
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
  }

  /// Reads a file before the passphrase is asked, so a typo costs nothing.
  static func source(_ path: String) throws -> ImportSource {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw VaultError.io(path: path, reason: "the file could not be read")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let modified = attributes?[.modificationDate] as? Date ?? Date()
    return ImportSource(name: path, bytes: [UInt8](data), modified: modified)
  }
}
