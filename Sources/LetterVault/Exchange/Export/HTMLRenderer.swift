import VaultRecords
/// One printable page per letter (`break-after: page`), state shown in small capitals.
/// Every piece of letter data is HTML-escaped, and the page's Content-Security-Policy allows no
/// script at all, so a `<script>` in a letter stays text twice over.
struct HTMLRenderer {
  let dates: ExportDates

  /// The page's head, before the first letter (``ExportStream``).
  static let opening = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
    <meta name="robots" content="noindex">
    <title>Letters</title>
    <style>
    body { font-family: Georgia, "Times New Roman", serif; max-width: 40em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }
    article { break-after: page; page-break-after: always; }
    article:last-of-type { break-after: auto; page-break-after: auto; }
    .state { font-variant: small-caps; letter-spacing: 0.05em; color: #444; }
    dl { display: grid; grid-template-columns: max-content auto; gap: 0 1em; color: #444; }
    dd { margin: 0; }
    .text, .note { white-space: pre-wrap; }
    @media print { body { margin: 0; max-width: none; } }
    </style>
    </head>
    <body>

    """

  /// One letter's `<article>`.
  func letter(_ exported: ExportedLetter) -> String {
    let summary = exported.letter.summary
    var out = "<article>\n<header>\n"
    out += "<h1>\(Self.escape(ExportDates.title(summary)))</h1>\n"
    out += "<p class=\"state\">\(Self.escape(dates.stateLabel(summary)))</p>\n<dl>\n"
    if !summary.recipient.isEmpty { out += "<dt>To</dt><dd>\(Self.escape(summary.recipient))</dd>\n" }
    out += "<dt>Written</dt><dd>\(Self.escape(dates.human(summary.created)))</dd>\n"
    if !summary.tags.isEmpty {
      out += "<dt>Tags</dt><dd>\(Self.escape(summary.tags.joined(separator: ", ")))</dd>\n"
    }
    out += "</dl>\n</header>\n"
    out += "<div class=\"text\">\(Self.escape(exported.letter.body))</div>\n"
    if !exported.notes.isEmpty {
      out += "<section>\n<h2>Notes</h2>\n"
      for note in exported.notes {
        out += "<h3>\(Self.escape(dates.human(note.date)))</h3>\n"
        out += "<div class=\"note\">\(Self.escape(note.text))</div>\n"
      }
      out += "</section>\n"
    }
    return out + "</article>\n"
  }

  /// Escapes the five characters that matter in text and in quoted attributes.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
