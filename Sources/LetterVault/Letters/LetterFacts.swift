import VaultRecords
import Foundation

/// What a letter's summary says, built the same way from a META and from a LISTING entry
/// (FORMAT.md §6.6), so both read paths agree.
enum LetterFacts {
  /// The summary of a META: the same fields a LISTING entry keeps (FORMAT.md §6.6), so both
  /// read paths build it in one place (`summary(_:_:)` over a ``ListingSummary``).
  static func summary(_ id: LetterID, _ meta: LetterMeta) -> LetterSummary {
    LetterFacts.summary(id, ListingSummary(meta: meta))
  }

  /// A letter's summary from the fields `list` reads: a LISTING entry's, or a META's.
  static func summary(_ id: LetterID, _ entry: ListingSummary) -> LetterSummary {
    LetterSummary(
      id: id, state: entry.state, recipient: entry.recipient,
      subject: entry.subject, tags: entry.tags,
      created: Date(storedMilliseconds: entry.createdAt),
      updated: Date(storedMilliseconds: entry.updatedAt),
      lastEdited: Date(storedMilliseconds: entry.lastEditAt),
      releaseAt: entry.releaseAt == 0 ? nil : Date(storedMilliseconds: entry.releaseAt),
      reviewOn: entry.reviewOn == 0 ? nil : Date(storedMilliseconds: entry.reviewOn),
      sentAt: entry.sentAt == 0 ? nil : Date(storedMilliseconds: entry.sentAt),
      sentHow: SendMethod(rawValue: entry.sentHow)?.description ?? "",
      deliveryError: entry.deliveryError, revision: Int(entry.headRevision),
      noteCount: Int(entry.noteCount), sentInAnotherCopy: entry.arrivedSent)
  }
}
