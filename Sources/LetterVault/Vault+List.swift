import Foundation

/// Letters found by `list` or `search`, and anything damaged met on the way.
///
/// A damaged letter does not hide the others: they are returned, and the damage is named.
public struct LetterListing: Sendable {
  /// Matching letters, newest first.
  public let letters: [LetterSummary]
  /// Records that could not be read.
  public let damaged: [Damage]
}

/// Listing and searching: one scan over the META rows (and, for search, the head bodies).
extension Vault {
  /// Letters matching `filter`, newest first. Decrypts metadata only, never a body.
  public func list(_ filter: LetterFilter = LetterFilter()) throws(VaultError) -> LetterListing {
    try scan { _, _, summary in filter.matches(summary) }
  }

  /// Letters whose recipient, subject, tags or current text contain `text`, ignoring case.
  public func search(_ text: String, filter: LetterFilter = LetterFilter()) throws(VaultError)
    -> LetterListing
  {
    guard !text.isEmpty else { throw .invalidInput("there is nothing to search for") }
    let matcher = TextMatcher(text)
    return try scan { session, meta, summary in
      guard filter.matches(summary) else { return false }
      if matcher.matches(meta.recipient) || matcher.matches(meta.subject)
        || meta.tags.contains(where: matcher.matches)
      {
        return true
      }
      var body = try loadBody(summary.id, meta: meta, revision: meta.revisions.last!, in: session)
      defer { wipe(&body) }
      return matcher.matches(bytes: body)
    }
  }

  private func scan(
    _ include: (StorageSession, LetterMeta, LetterSummary) throws -> Bool
  ) throws(VaultError) -> LetterListing {
    try database.read { session in
      var damaged: [Damage] = []
      var manifest: Manifest?
      do { manifest = try loadManifest(in: session) } catch VaultError.damaged(let found) {
        damaged += found
      }
      var found: [LetterSummary] = []
      var seen = Set<[UInt8]>()
      for row in try session.objects(field: FieldTag.meta.rawValue) {
        guard row.objectID.count == FormatConstant.idByteCount else { continue }
        let id = LetterID(bytes: row.objectID)
        seen.insert(row.objectID)
        do {
          let meta = try openMeta(row, id: id, manifest: manifest)
          let summary = summary(id, meta)
          if try include(session, meta, summary) { found.append(summary) }
        } catch VaultError.damaged(let problems) {
          damaged += problems
        }
      }
      for missing in (manifest?.entries.keys).map(Array.init) ?? [] where !seen.contains(missing) {
        damaged.append(
          Damage(
            letterID: LetterID(bytes: missing).description, part: "letter",
            reason: "listed in the vault index but missing from the file"))
      }
      found.sort { ($0.created, $0.id) > ($1.created, $1.id) }
      return LetterListing(letters: found, damaged: damaged)
    }
  }
}
