import VaultRecords
import Foundation

/// The public calls of ``SearchDesk``, forwarded (ARCHITECTURE.md "Services (LetterVault)").
extension Vault {
  // MARK: - SearchDesk


  /// Letters matching `filter`, newest first. Decrypts metadata only, never a body.
  ///
  /// Reads the summaries from the LISTING record where they match the manifest, else from
  /// each META (SearchDesk+Listing.swift, FORMAT.md §6.6); with a damaged manifest or no usable
  /// listing, scans every META.
  ///
  /// With a `limit`, only the newest `limit` matching letters (`list -n`): through the listing,
  /// summaries are built in order and the walk stops there; damage met is named all the same.
  public func list(_ filter: LetterFilter = LetterFilter(), limit: Int? = nil) throws(VaultError)
    -> LetterListing {
    try searchDesk.list(filter, limit: limit)
  }

  /// The letters ``list(_:limit:)`` finds, for printing one line each: without a filter, each
  /// is lent in place from the LISTING record and no summary is built (``ListedLetters``).
  public func listed(_ filter: LetterFilter = LetterFilter(), limit: Int? = nil) throws(VaultError)
    -> ListedLetters {
    try searchDesk.listed(filter, limit: limit)
  }

  /// Letters whose recipient, subject, tags or current text contain `text`, ignoring case.
  ///
  /// Through the text index where it is current (SearchDesk+TextIndex.swift, FORMAT.md §6.7):
  /// only letters whose signatures (of the text, and of recipient, subject and tags) let the
  /// words through are decrypted; the listing is read only when many letters' fields may hold
  /// them.
  /// A needle of ASCII letters and digits that most letters may hold (`the`, `i`) is answered
  /// by the word lists and the listing (SearchDesk+Words.swift, FORMAT.md §6.9), decrypting no
  /// META or text. Otherwise (a needle with a space, punctuation or non-ASCII characters that
  /// the signatures cannot narrow, an index that fell behind) every letter is read, by
  /// `searchByScanning`.
  ///
  /// With a `limit`, only the newest `limit` letters found (`search -n`); every letter is still
  /// tested, since the order is known only once all are found (through the word lists, the
  /// order is known first, and only those summaries are built).
  public func search(_ text: String, filter: LetterFilter = LetterFilter(), limit: Int? = nil)
    throws(VaultError) -> LetterListing {
    try searchDesk.search(text, filter: filter, limit: limit)
  }

  /// The letters ``search(_:filter:limit:)`` finds, for printing one line each: those the word
  /// lists answer are lent in place from the LISTING record, with no summary built
  /// (``ListedLetters``, as ``listed(_:limit:)``).
  public func searched(_ text: String, filter: LetterFilter = LetterFilter(), limit: Int? = nil)
    throws(VaultError) -> ListedLetters {
    try searchDesk.searched(text, filter: filter, limit: limit)
  }

  /// The letters matching `filter` with their current text, oldest first, read in one pass
  /// over the file (the same scan as `search`: each letter's META, then its head BODY).
  ///
  /// One `letter(_:)` per letter would open a read transaction and look the manifest up
  /// 10,000 times; this reads each record once (docs/PERFORMANCE.md). Every record is checked
  /// as `letter(_:)` checks it. A damaged letter fails the whole read and is named, so an
  /// export is never silently missing one.
  public func letters(_ filter: LetterFilter = LetterFilter()) throws(VaultError) -> [Letter] {
    try searchDesk.letters(filter)
  }
}
