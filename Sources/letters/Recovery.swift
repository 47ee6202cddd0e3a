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
      // The editor's header gives the recipient and tags back; a blank template is not a letter.
      let (header, body) = LetterHeader(to: "", subject: "", tags: []).parse(
        FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? [])
      if body.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }),
        let id = try? vault.write(
          LetterDraft(
            recipient: header.to, subject: "recovered after an interrupted edit", tags: header.tags ?? [],
            body: body))
      {
        Console.info("text from an editing session that ended unexpectedly was saved as draft \(id.short)")
      }
      ScratchFolder.destroy(directory)
    }
  }
}
