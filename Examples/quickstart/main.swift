// The README's library snippet as a program: create a vault, write, list, read.
// Run: swift run quickstart
import Foundation
import LetterVault

let directory = FileManager.default.temporaryDirectory
  .appendingPathComponent("letters-quickstart-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
// The vault's device record (rollback watermark) goes here too, not into ~/.local/state.
setenv("XDG_STATE_HOME", directory.appendingPathComponent("state").path, 1)
let path = directory.appendingPathComponent("vault.db").path

// `.testing` keeps the example instant; real vaults use the default (moderate) cost.
let vault = try Vault.create(
  at: path, passphrase: Passphrase("a long passphrase here"), kdf: .testing)
let id = try vault.write(LetterDraft(recipient: "Dr. Hale", text: "Dear Dr. Hale, …"))
try vault.hold(id)
for letter in try vault.list().letters {
  print(letter.id.short, letter.state, letter.recipient)
}
print(try vault.letter(id).body)
