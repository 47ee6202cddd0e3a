import Foundation

/// Every matching letter with its text, in one scan: for exports and other bulk reads.
extension Vault {
  /// The letters matching `filter` with their current text, oldest first, read in one pass
  /// over the file (the same scan as `search`: each letter's META, then its head BODY).
  ///
  /// One `letter(_:)` per letter would open a read transaction and look the manifest up
  /// 10,000 times; this reads each record once (docs/PERFORMANCE.md). Every record is checked
  /// as `letter(_:)` checks it. A damaged letter fails the whole read and is named, so an
  /// export is never silently missing one.
  public func letters(_ filter: LetterFilter = LetterFilter()) throws(VaultError) -> [Letter] {
    var letters: [Letter] = []
    let listing = try scan(fields: [FieldTag.meta.rawValue, FieldTag.body.rawValue]) {
      meta, summary, body in
      guard filter.matches(summary) else { return false }
      guard var text = try body() else { return false }
      defer { wipe(&text) }
      letters.append(
        Letter(
          summary: summary, body: String(decoding: text, as: UTF8.self),
          fingerprint: fingerprint(meta, body: text)))
      return false
    }
    guard listing.damaged.isEmpty else { throw .damaged(listing.damaged) }
    letters.sort { ($0.summary.created, $0.summary.id) < ($1.summary.created, $1.summary.id) }
    return letters
  }
}
