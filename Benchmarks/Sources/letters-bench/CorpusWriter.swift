import Foundation
import LetterVault

/// Fills a new vault with the deterministic corpus through the public API.
enum CorpusWriter {
  static func write(count: Int, to path: String, passphrase: Passphrase) throws {
    let vault = try Vault.create(at: path, passphrase: passphrase, kdf: .interactive)
    var corpus = Corpus()
    for index in 0..<count {
      let (recipient, subject, tags, body) = corpus.letter(index)
      let id = try vault.write(
        LetterDraft(recipient: recipient, subject: subject, tags: tags, text: body))
      if index % 3 == 1 { try vault.hold(id) }
    }
  }
}
