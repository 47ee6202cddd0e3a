import VaultRecords
import Foundation

/// Every matching letter with its text, in one scan: for exports and other bulk reads.
extension SearchDesk {
  func letters(_ filter: LetterFilter = LetterFilter()) throws(VaultError) -> [Letter] {
    var letters: [Letter] = []
    let listing = try scan(fields: [FieldTag.meta.rawValue, FieldTag.body.rawValue]) {
      meta, summary, body in
      guard filter.matches(summary) else { return false }
      guard var text = try body() else { return false }
      defer { wipe(&text) }
      letters.append(
        Letter(
          summary: summary, body: String(decoding: text, as: UTF8.self),
          fingerprint: cipher.fingerprint(meta, body: text)))
      return false
    }
    guard listing.damaged.isEmpty else { throw .damaged(listing.damaged) }
    letters.sort { ($0.summary.created, $0.summary.id) < ($1.summary.created, $1.summary.id) }
    return letters
  }
}
