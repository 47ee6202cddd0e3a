import Foundation
@_spi(Bulk) import LetterVault
import Testing

/// The one-transaction batch write (Vault+Batch.swift) and the one-scan bulk read
/// (Vault+ReadAll.swift) give the same letters as `write`, `hold` and `letter(_:)`.
@Suite struct BulkReadWriteTests {
  @Test func aBatchReadsBackLikeSingleWritesAndHolds() throws {
    let test = try TestVault()
    defer { test.remove() }
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let drafts = (0..<5).map { index in
      (
        draft: LetterDraft(recipient: "R\(index)", subject: "S\(index)", tags: ["t"], text: "text \(index)"),
        created: start.addingTimeInterval(Double(index) * 3600), held: index % 2 == 1
      )
    }
    let ids = try test.vault.write(batch: drafts)
    #expect(ids.count == 5)
    let all = try test.vault.letters()
    #expect(all.map(\.summary.id) == ids)  // oldest first
    for (index, letter) in all.enumerated() {
      let single = try test.vault.letter(ids[index])
      #expect(letter.body == "text \(index)" && letter.body == single.body)
      #expect(letter.fingerprint == single.fingerprint)
      #expect(letter.summary.state == (index % 2 == 1 ? .held : .draft))
      #expect(letter.summary.created == drafts[index].created)
    }
    #expect(try test.vault.verify().isEmpty)
    #expect(try test.vault.letters(LetterFilter(state: .held)).map(\.summary.id) == [ids[1], ids[3]])
  }

  @Test func anEmptyVaultReadsAsNoLetters() throws {
    let test = try TestVault()
    defer { test.remove() }
    #expect(try test.vault.letters().isEmpty)
  }
}
