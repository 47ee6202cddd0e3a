import VaultRecords
import Foundation

/// Turns a ``LetterBundle`` into the bytes of one export file. Pure: no vault, no I/O, so
/// other apps can render letters the same way.
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
    let dates = ExportDates(timeZone: timeZone)
    switch format {
    case .txt: return Array(TextRenderer(dates: dates).render(bundle).utf8)
    case .md: return Array(MarkdownRenderer(dates: dates).render(bundle).utf8)
    case .html: return Array(HTMLRenderer(dates: dates).render(bundle).utf8)
    case .json: return JSONRenderer(dates: dates).render(bundle)
    case .eml: return MailRenderer(dates: dates).render(bundle)
    }
  }
}
