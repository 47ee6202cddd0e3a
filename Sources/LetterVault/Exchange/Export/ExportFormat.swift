import VaultRecords
/// The shapes a decrypted copy can take (README "Copies out, letters in, delivery").
public enum ExportFormat: String, Sendable, CaseIterable {
  /// Plain text; letters separated by a form feed, so a printer starts each on a new page.
  /// Each opens with a Letters-Data line, so the file imports back (FORMAT.md §19).
  case txt
  /// Markdown; one `#` heading per letter, after a Letters-Data comment, so the file
  /// imports back (FORMAT.md §19).
  case md
  /// One printable HTML page per letter, everything escaped.
  case html
  /// Every field, for other tools and for `letters import` (``ExportDocument``).
  case json
  /// RFC 5322 with MIME for a mail client; several letters make an mboxrd mailbox.
  case eml
}
