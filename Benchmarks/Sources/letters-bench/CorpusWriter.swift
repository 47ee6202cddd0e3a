import Foundation
@_spi(Bulk) import LetterVault

/// Fills a new vault with the deterministic corpus: every third letter held, the rest drafts.
///
/// Written through the one-transaction batch API (`Vault+Batch.swift`) in chunks of 1,000, so
/// a 100,000-letter corpus takes seconds, not the half hour of one `write` per letter.
enum CorpusWriter {
  static func write(count: Int, to path: String, passphrase: Passphrase, bodyBytes: Int = 1450) throws {
    let vault = try Vault.create(at: path, passphrase: passphrase, kdf: .interactive)
    var corpus = Corpus(bodyBytes: bodyBytes)
    var batch: [(draft: LetterDraft, created: Date, held: Bool)] = []
    // About four letters a day, ending now: 10,000 letters span seven years.
    let start = Date().addingTimeInterval(-Double(count) * 21_600)
    for index in 0..<count {
      let (recipient, subject, tags, body) = corpus.letter(index)
      let draft = LetterDraft(recipient: recipient, subject: subject, tags: tags, text: body)
      batch.append((draft, start.addingTimeInterval(Double(index) * 21_600), index % 3 == 1))
      if batch.count == 1000 || index == count - 1 {
        _ = try vault.write(batch: batch)
        batch.removeAll(keepingCapacity: true)
      }
    }
  }
}
