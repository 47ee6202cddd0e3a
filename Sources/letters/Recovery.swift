import Foundation
import LetterVault

/// Text left in a scratch folder by an editing session that was killed (power cut, SIGKILL)
/// is saved as a new draft at the next `write`, then wiped: a lost letter is a lost piece of
/// someone's life, and plaintext must not linger on tmpfs (FORMAT.md §12.3).
enum Recovery {
  static func recoverLeftovers(into vault: Vault) {
    guard let base = ScratchDirectory.base() else { return }
    for directory in ScratchDirectory.leftovers(in: base) {
      let file = directory + "/" + ScratchFolder.fileName
      if let data = FileManager.default.contents(atPath: file), !data.isEmpty,
        let id = try? vault.write(LetterDraft(subject: "recovered after an interrupted edit", body: [UInt8](data)))
      {
        Console.info("text from an editing session that ended unexpectedly was saved as draft \(id.short)")
      }
      ScratchFolder.destroy(directory)
    }
  }
}
