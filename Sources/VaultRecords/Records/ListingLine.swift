/// The fields of one `list` line, read in place from a LISTING entry (FORMAT.md §6.6) by
/// ``ListingView/withLine(at:_:)``: no strings, no arrays. The recipient's and subject's bytes
/// point into the decrypted row and are valid only inside the closure that receives them.
package struct ListingLine {
  package let state: LetterState
  /// Stored milliseconds (FORMAT.md §4.2), as in ``ListingSummary``.
  package let createdAt: Int64
  /// Stored milliseconds; 0 without a pending send request.
  package let releaseAt: Int64
  package let hasDeliveryError: Bool
  /// UTF-8, checked when the row was added (``ListingSummary/skim(_:)``).
  package let recipient: UnsafeBufferPointer<UInt8>
  package let subject: UnsafeBufferPointer<UInt8>
}
