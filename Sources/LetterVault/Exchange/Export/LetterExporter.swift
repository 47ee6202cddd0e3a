import VaultRecords
import Foundation

/// Turns a ``LetterBundle`` into the bytes of one export file. Pure: no vault, no I/O, so
/// other apps can render letters the same way. ``ExportStream`` writes the same bytes one
/// letter at a time.
///
/// ```swift
/// let bundle = try vault.exportBundle(filter: LetterFilter(state: .held))
/// let html = LetterExporter(format: .html).render(bundle)
/// ```
public struct LetterExporter: Sendable {
  /// The output format.
  public var format: ExportFormat
  /// The zone dates are shown in.
  public var timeZone: TimeZone

  /// Creates an exporter; dates are shown in `timeZone` (the user's zone by default).
  public init(format: ExportFormat, timeZone: TimeZone = .current) {
    self.format = format
    self.timeZone = timeZone
  }

  /// The whole export as bytes (UTF-8 text, or a message/mailbox for `eml`).
  public func render(_ bundle: LetterBundle) -> [UInt8] {
    var stream = ExportStream(
      format: format, timeZone: timeZone, count: bundle.letters.count, exportedAt: bundle.exportedAt,
      from: bundle.from)
    var out = stream.opening()
    for exported in bundle.letters { out += stream.letter(exported) }
    return out + stream.closing()
  }
}
