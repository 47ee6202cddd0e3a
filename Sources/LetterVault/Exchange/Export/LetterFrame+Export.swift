import VaultRecords
/// The Letters-Data line of one exported letter (FORMAT.md §19 "Letters-Data lines"); the
/// text and Markdown renderers write it first, the importer reads it back.
extension LetterFrame {
  init(_ exported: ExportedLetter, dates: ExportDates) {
    let summary = exported.letter.summary
    self.init(
      id: summary.id.description, to: summary.recipient.isEmpty ? nil : summary.recipient,
      subject: summary.subject.isEmpty ? nil : summary.subject, tags: summary.tags.isEmpty ? nil : summary.tags,
      state: summary.state.description, created: dates.iso(summary.created), updated: dates.iso(summary.updated),
      lastEdited: dates.iso(summary.lastEdited), reviewOn: summary.reviewOn.map(dates.iso),
      sentAt: summary.sentAt.map(dates.iso), sentHow: summary.sentHow.isEmpty ? nil : summary.sentHow,
      bytes: exported.letter.body.utf8.count,
      notes: exported.notes.isEmpty ? nil : exported.notes.map { Note(date: dates.iso($0.date), bytes: $0.text.utf8.count) })
  }
}
