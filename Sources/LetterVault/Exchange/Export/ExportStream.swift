import VaultRecords
import Foundation

/// An export written one letter at a time (docs/PERFORMANCE.md): the opening bytes, each
/// letter's bytes in order, then the closing ones. Together they are exactly the bytes
/// ``LetterExporter/render(_:)`` gives for the same letters, so a file can be written while
/// the letters are read, with one letter in memory at a time.
///
/// ```swift
/// let plan = try vault.exportPlan()
/// var stream = ExportStream(format: .md, plan: plan)
/// write(stream.opening())
/// try vault.export(plan) { write(stream.letter($0)) }
/// write(stream.closing())
/// ```
public struct ExportStream {
  /// The output format.
  public let format: ExportFormat
  private let dates: ExportDates
  private let count: Int
  private let exportedAt: Date
  private let from: String
  private var written = 0

  /// A stream for `count` letters (an `eml` export of one letter is a message, of more a
  /// mailbox), dated `exportedAt`, from the sender address `from` (used by `eml`).
  public init(format: ExportFormat, timeZone: TimeZone = .current, count: Int, exportedAt: Date, from: String = "") {
    self.format = format
    self.dates = ExportDates(timeZone: timeZone)
    self.count = count
    self.exportedAt = exportedAt
    self.from = from
  }

  /// A stream for the letters of `plan`.
  public init(format: ExportFormat, timeZone: TimeZone = .current, plan: ExportPlan) {
    self.init(format: format, timeZone: timeZone, count: plan.count, exportedAt: plan.exportedAt, from: plan.from)
  }

  /// What comes before the first letter.
  public func opening() -> [UInt8] {
    switch format {
    case .txt, .md, .eml: return []
    case .html: return Array(HTMLRenderer.opening.utf8)
    case .json: return JSONRenderer(dates: dates).opening(exportedAt: exportedAt)
    }
  }

  /// The next letter, with whatever separates it from the one before.
  public mutating func letter(_ exported: ExportedLetter) -> [UInt8] {
    defer { written += 1 }
    return letter(exported, number: written)
  }

  /// Letter `number` of the export (0 is the first), with whatever separates it from the one
  /// before: the bytes do not depend on the letters before it, so two threads can render
  /// letters of one export (ExchangeDesk+ExportBothCores.swift).
  func letter(_ exported: ExportedLetter, number: Int) -> [UInt8] {
    var out: [UInt8] = []
    append(exported, number: number, to: &out)
    return out
  }

  /// ``letter(_:number:)`` after what `out` holds.
  func append(_ exported: ExportedLetter, number: Int, to out: inout [UInt8]) {
    let first = number == 0
    switch format {
    case .txt:
      if !first { out += LetterFrame.Style.text.separator.utf8 }
      out += TextRenderer(dates: dates).letter(exported).utf8
    case .md:
      if !first { out += LetterFrame.Style.markdown.separator.utf8 }
      MarkdownRenderer(dates: dates).append(exported, to: &out)
    case .html: out += HTMLRenderer(dates: dates).letter(exported).utf8
    case .json: JSONRenderer(dates: dates).append(exported, first: first, to: &out)
    case .eml:
      let renderer = MailRenderer(dates: dates)
      out += count == 1 ? renderer.single(exported, from: from) : renderer.mailboxEntry(exported, from: from)
    }
  }

  /// The same stream with date formatters of its own, for another thread.
  func copy() -> ExportStream {
    ExportStream(format: format, timeZone: dates.timeZone, count: count, exportedAt: exportedAt, from: from)
  }

  /// What comes after the last letter.
  public func closing() -> [UInt8] {
    switch format {
    case .txt, .md, .eml: return []
    case .html: return Array("</body>\n</html>\n".utf8)
    case .json: return JSONRenderer(dates: dates).closing()
    }
  }
}
