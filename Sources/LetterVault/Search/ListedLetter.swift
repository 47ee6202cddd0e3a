import Foundation
import VaultRecords

/// One letter as a line of `list` shows it, lent for the length of a call
/// (``ListedLetters/forEach(_:)``), the way a database cursor lends its current row: the id,
/// recipient and subject are bytes inside the decrypted listing, not copies, and are valid
/// only inside the closure that receives them. Copy what must outlive it (``id``).
///
/// Building a ``LetterSummary`` per letter (three strings, an array, six dates) and freeing it
/// again was a third of a 10,000-letter `list` (docs/PERFORMANCE.md, round 10).
public struct ListedLetter {
  /// The 16 bytes of the letter id.
  public let idBytes: UnsafeBufferPointer<UInt8>
  /// Draft, held or sent.
  public let state: LetterState
  /// When it was first written.
  public let created: Date
  /// When a pending send request may be released; nil without one.
  public let releaseAt: Date?
  /// Whether the last delivery did not go through.
  public let hasDeliveryError: Bool
  /// The recipient's UTF-8 bytes (empty when nobody was named).
  public let recipient: UnsafeBufferPointer<UInt8>
  /// The subject's UTF-8 bytes (empty when none).
  public let subject: UnsafeBufferPointer<UInt8>

  /// Held with a send request pending, as ``LetterSummary/awaitsRelease``.
  public var awaitsRelease: Bool { state == .held && releaseAt != nil }

  /// The letter id, copied out.
  public var id: LetterID { LetterID(bytes: Array(idBytes)) }

  /// A line from a listing entry, in place.
  init(idBytes: UnsafeBufferPointer<UInt8>, _ line: ListingLine) {
    self.idBytes = idBytes
    state = line.state
    created = Date(storedMilliseconds: line.createdAt)
    releaseAt = line.releaseAt == 0 ? nil : Date(storedMilliseconds: line.releaseAt)
    hasDeliveryError = line.hasDeliveryError
    recipient = line.recipient
    subject = line.subject
  }

  /// `body` on the line of `summary` (a letter read from its META, the RECENT record or a
  /// scan): the same fields, lent from the summary's own strings.
  static func lending<R>(_ summary: LetterSummary, _ body: (ListedLetter) throws -> R) rethrows -> R {
    var recipient = summary.recipient
    var subject = summary.subject
    return try summary.id.bytes.withUnsafeBufferPointer { id in
      try recipient.withUTF8 { recipient in
        try subject.withUTF8 { subject in
          try body(
            ListedLetter(
              idBytes: id, state: summary.state, created: summary.created, releaseAt: summary.releaseAt,
              hasDeliveryError: !summary.deliveryError.isEmpty, recipient: recipient, subject: subject))
        }
      }
    }
  }

  private init(
    idBytes: UnsafeBufferPointer<UInt8>, state: LetterState, created: Date, releaseAt: Date?,
    hasDeliveryError: Bool, recipient: UnsafeBufferPointer<UInt8>, subject: UnsafeBufferPointer<UInt8>
  ) {
    self.idBytes = idBytes
    self.state = state
    self.created = created
    self.releaseAt = releaseAt
    self.hasDeliveryError = hasDeliveryError
    self.recipient = recipient
    self.subject = subject
  }
}
