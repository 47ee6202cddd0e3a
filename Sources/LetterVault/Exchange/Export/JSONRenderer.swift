import VaultRecords
import Foundation

/// `--format json`: an ``ExportDocument``, pretty-printed with sorted keys so the same
/// letters always give the same bytes.
struct JSONRenderer {
  let dates: ExportDates

  func render(_ bundle: LetterBundle) -> [UInt8] {
    let document = ExportDocument(
      format: ExportDocument.formatName, version: ExportDocument.currentVersion,
      exported: dates.iso(bundle.exportedAt), letters: bundle.letters.map(entry))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings, ints and arrays cannot fail.
    let data = (try? encoder.encode(document)) ?? Data()
    return Array(data) + [0x0A]
  }

  private func entry(_ exported: ExportedLetter) -> ExportDocument.Entry {
    let summary = exported.letter.summary
    return ExportDocument.Entry(
      id: summary.id.description, to: summary.recipient, email: exported.email,
      subject: summary.subject, state: summary.state.description, tags: summary.tags,
      created: dates.iso(summary.created), updated: dates.iso(summary.updated),
      lastEdited: dates.iso(summary.lastEdited), releaseAt: summary.releaseAt.map(dates.iso),
      reviewOn: summary.reviewOn.map(dates.iso), sentAt: summary.sentAt.map(dates.iso),
      sentHow: summary.sentHow.isEmpty ? nil : summary.sentHow, revision: summary.revision,
      fingerprint: exported.letter.fingerprint, body: exported.letter.body,
      notes: exported.notes.map { .init(date: dates.iso($0.date), text: $0.text) })
  }
}
