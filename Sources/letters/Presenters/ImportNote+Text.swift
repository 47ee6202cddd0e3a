import LetterVault

extension ImportNote {
  /// "Drafts: message 3 (…): its date “Tuesday-ish” could not be read; the mailbox's date was used".
  var text: String {
    let place = "\(file): \(message.map { "\($0.text): " } ?? "")"
    switch fact {
    case .dateUnreadable(let raw, .mailboxLine):
      return place + "its date “\(raw)” could not be read, so the date of its mailbox line was used"
    case .dateUnreadable(let raw, .fileTime):
      return place + "its date “\(raw)” could not be read, so the file's time was used"
    case .zoneUnknown(let zone):
      return place + "the time zone “\(zone)” is not one letters knows, so the time was read as UTC"
    case .fieldsIgnored(let names):
      let list = names.map { "“\($0)”" }.joined(separator: ", ")
      return place + "letters does not use the front-matter field\(names.count == 1 ? "" : "s") \(list); left as it was"
    }
  }
}
