// Exporting (FORMAT.md §19): write a few letters, export them as Markdown, printable HTML and
// JSON into a private temporary directory, then bring the JSON into a second vault with the
// importer — the way letters move to another tool, or back.
// Run: swift run export   (exits 1 if any step does not go as described)
import Foundation
import LetterVault

struct StepFailed: Error, CustomStringConvertible {
  let description: String
}

func check(_ condition: Bool, _ what: String) throws {
  if !condition { throw StepFailed(description: what) }
}

func demonstrate(in directory: URL) throws {
  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
  // `.testing` keeps the example instant; real vaults use the default (moderate) cost.
  let vault = try Vault.create(
    at: path("vault.db"), passphrase: Passphrase("a long passphrase here"), kdf: .testing)
  let first = try vault.write(
    LetterDraft(recipient: "Dr. Hale", subject: "after Tuesday", tags: ["therapy"], text: "Dear Dr. Hale, …"))
  try vault.hold(first)
  _ = try vault.write(LetterDraft(recipient: "Mum", text: "Dear Mum, …"))
  _ = try vault.write(LetterDraft(recipient: "Sam", subject: "the lake", text: "Sam, do you remember …"))
  print("wrote 3 letters")

  // One bundle (letters with their notes, oldest first), rendered in three formats.
  let bundle = try vault.exportBundle()
  try check(bundle.letters.count == 3, "three letters to export")
  for format in [ExportFormat.md, .html, .json] {
    let bytes = LetterExporter(format: format).render(bundle)
    // Created 0600 and never over an existing file: this copy is not encrypted.
    try ExportFile.write(bytes, to: path("letters.\(format.rawValue)"), replacing: false)
    print("exported \(bundle.letters.count) letters as \(format.rawValue): \(bytes.count) bytes")
  }
  let markdown = try String(contentsOfFile: path("letters.md"), encoding: .utf8)
  try check(markdown.contains("Dear Mum, …"), "the Markdown holds the text")

  // The JSON export read back by the importer, into a second vault.
  let json = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path("letters.json"))))
  let imported = try LetterImporter().read(
    [ImportSource(name: "letters.json", bytes: json, modified: Date())])
  let second = try Vault.create(
    at: path("second.db"), passphrase: Passphrase("another long passphrase"), kdf: .testing)
  let summary = try second.importLetters(imported)
  print("imported \(summary.imported.count) letters into a second vault")
  try check(summary.imported.count == 3, "all three letters imported")
  // Ids, states and texts survive the trip; importing again adds nothing.
  let copy = try second.letter(first)
  print("letter \(first.short) in the second vault: \(copy.summary.state), to \(copy.summary.recipient)")
  try check(copy.summary.state == .held && copy.body == "Dear Dr. Hale, …", "the held letter kept")
  let again = try second.importLetters(imported)
  print("imported again: \(again.imported.count) new, \(again.alreadyPresent) already there")
  try check(again.imported.isEmpty && again.alreadyPresent == 3, "no duplicates")
}

let directory = FileManager.default.temporaryDirectory
  .appendingPathComponent("letters-export-\(UUID().uuidString)")
// The vaults' device records (rollback watermarks) go into the same directory, so nothing
// is left behind in ~/.local/state.
setenv("XDG_STATE_HOME", directory.appendingPathComponent("state").path, 1)
var succeeded = false
do {
  try FileManager.default.createDirectory(
    at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  try demonstrate(in: directory)
  succeeded = true
} catch {
  FileHandle.standardError.write(Data("export: a step did not go as described: \(error)\n".utf8))
}
try? FileManager.default.removeItem(at: directory)
exit(succeeded ? 0 : 1)
