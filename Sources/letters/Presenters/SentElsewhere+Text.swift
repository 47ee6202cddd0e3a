import LetterVault

/// A letter a merge brought in as sent while this vault held it, in plain words
/// (docs/COOLING-OFF.md "Copies and imports"): where and when it went, and when it would have
/// gone here. Said as a fact, not an alarm: the other computer may really have sent it.
extension SentElsewhere {
  /// "on 3 Dec 2026 21:40 (copy /media/usb/vault.db, merged 5 Dec 2026 10:02); here it would
  /// have gone on 4 Dec 2026 09:10"
  var facts: String {
    var text = "on \(Formatting.local(sentAt))"
    if sentAheadOfThisClock { text += ", a time this computer's clock had not reached yet" }
    text += " (copy \(copy), merged \(Formatting.local(arrivedAt)))"
    if let wouldHaveGoneAt {
      text += "; here it would have gone on \(Formatting.local(wouldHaveGoneAt))"
    } else {
      text += "; here it had not been asked to send"
    }
    return text
  }

  /// The `status` line.
  var statusLine: String { "Sent from your other computer: \(letterID.short) \(facts)" }

  /// For `status --json` and `history --json`.
  var json: [String: Any] {
    [
      "id": letterID.description, "sentAt": Formatting.iso(sentAt),
      "mergedAt": Formatting.iso(arrivedAt), "copy": copy,
      "wouldHaveGoneAt": wouldHaveGoneAt.map(Formatting.iso) as Any,
      "sentAheadOfThisClock": sentAheadOfThisClock,
    ]
  }
}
