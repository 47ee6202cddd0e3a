import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// `search`'s order, made in place by moving each summary once along the cycles of the sorted
/// order (docs/PERFORMANCE.md round 12): it must be exactly the order a plain sort gives.
@Suite struct NewestFirstTests {
  @Test(arguments: [0, 1, 2, 3, 17, 500, 4_000])
  func theInPlaceOrderIsThePlainSortsOrder(count: Int) {
    var random = SystemRandomNumberGenerator()
    // Few distinct times, so most letters tie and are ordered by id.
    let letters = (0..<count).map { index in
      summary(
        id: [UInt8](repeating: 0, count: 14) + (0..<2).map { _ in UInt8.random(in: 0...3, using: &random) },
        created: Date(timeIntervalSince1970: Double(Int.random(in: 0...max(1, count / 8), using: &random))),
        subject: "letter \(index)")
    }
    var sorted = letters
    SearchDesk.sortNewestFirst(&sorted)
    let expected = letters.sorted { $0.created != $1.created ? $0.created > $1.created : $0.id > $1.id }
    #expect(sorted.map(\.id) == expected.map(\.id))
    #expect(sorted.map(\.created) == expected.map(\.created))
    // Every letter exactly once: equal ids and times may swap, so compare the whole multiset.
    #expect(sorted.map(\.subject).sorted() == letters.map(\.subject).sorted())
  }

  @Test func aReversedAndAnAlreadySortedListComeOutNewestFirst() {
    let ascending = (0..<64).map {
      summary(
        id: [UInt8](repeating: 7, count: 15) + [UInt8($0)], created: Date(timeIntervalSince1970: Double($0)),
        subject: "\($0)")
    }
    for input in [ascending, ascending.reversed()] {
      var letters = Array(input)
      SearchDesk.sortNewestFirst(&letters)
      #expect(letters.map(\.subject) == (0..<64).reversed().map { "\($0)" })
    }
  }

  private func summary(id: [UInt8], created: Date, subject: String) -> LetterSummary {
    LetterSummary(
      id: LetterID(bytes: id), state: .draft, recipient: "", subject: subject, tags: [], created: created,
      updated: created, lastEdited: created, releaseAt: nil, reviewOn: nil, sentAt: nil, sentHow: "",
      deliveryError: "", revision: 1, noteCount: 0)
  }
}
