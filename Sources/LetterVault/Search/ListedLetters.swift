import VaultRecords

/// The letters of `list`, newest first, for printing lines: where they come from the LISTING
/// record, each is lent in place (``ListedLetter``) and no summary is built. ``listing`` gives
/// the summaries (`list --json`).
///
/// A class: it keeps the decrypted listing rows alive (and wipes them when it goes, with the
/// ``ListingOrder`` it holds) for as long as its letters are lent.
public final class ListedLetters {
  private enum Source {
    /// Manifest indices into a listing read in place.
    case listing(ListingOrder, [Int])
    case summaries([LetterSummary])
  }

  private let source: Source
  /// Records that could not be read.
  public let damaged: [Damage]

  /// Letters already summarised (the RECENT record, a scan, a filtered walk, a search).
  public init(_ listing: LetterListing) {
    source = .summaries(listing.letters)
    damaged = listing.damaged
  }

  init(_ order: ListingOrder, indices: [Int], damaged: [Damage]) {
    source = .listing(order, indices)
    self.damaged = damaged
  }

  /// How many letters.
  public var count: Int {
    switch source {
    case .listing(_, let indices): indices.count
    case .summaries(let letters): letters.count
    }
  }

  /// Whether there are none.
  public var isEmpty: Bool { count == 0 }

  /// The letters held with a pending send request (whose line names when they may go),
  /// newest first: read in place, without lending every letter.
  public var waiting: [LetterID] {
    switch source {
    case .listing(let order, let indices):
      return indices.filter(order.waits).map(order.manifest.id(at:))
    case .summaries(let letters):
      return letters.lazy.filter(\.awaitsRelease).map(\.id)
    }
  }

  /// `body` on each letter, newest first; what it is lent is valid only inside that call.
  public func forEach(_ body: (ListedLetter) throws -> Void) rethrows {
    switch source {
    case .listing(let order, let indices):
      for (position, index) in indices.enumerated() {
        order.prefetch(indices, at: position)
        try order.withLine(at: index, body)
      }
    case .summaries(let letters):
      for letter in letters { try ListedLetter.lending(letter, body) }
    }
  }

  /// The same letters as summaries, built now.
  public var listing: LetterListing {
    switch source {
    case .listing(let order, let indices):
      // Made at its full size once: growing it copied every summary into fresh pages at each
      // doubling (docs/PERFORMANCE.md round 12).
      var letters: [LetterSummary] = []
      letters.reserveCapacity(indices.count)
      for index in indices {
        if let summary = order.summary(at: index) { letters.append(summary) }
      }
      return LetterListing(letters: letters, damaged: damaged)
    case .summaries(let letters):
      return LetterListing(letters: letters, damaged: damaged)
    }
  }
}
