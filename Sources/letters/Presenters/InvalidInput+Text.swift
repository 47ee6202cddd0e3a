import LetterVault

/// What an ``InvalidInput`` says: what was wrong, and the shape that is right.
extension InvalidInput {
  var text: String {
    switch self {
    case .recipientTooLong: "the recipient name is longer than 512 bytes"
    case .subjectTooLong: "the subject is longer than 1024 bytes"
    case .tooManyTags(let maximum): "a letter can have at most \(maximum) tags"
    case .tagLength: "a tag must be 1 to 128 bytes long"
    case .textTooLong(let maximum): "the letter is larger than \(maximum >> 20) MiB; nothing was saved"
    case .textNotUTF8:
      "the text is not valid UTF-8 (perhaps a different encoding or a binary file); nothing was saved"
    case .emptyNote: "the note is empty; nothing was saved"
    case .idTooShort: "an id needs at least 4 characters; `letters list` shows them"
    case .emptyDate: "an empty date"
    case .ambiguousDate(let text):
      switch DateExample.readings(of: text) {
      case let readings where readings.count == 2:
        "“\(text)” could be read more than one way; write it as \(readings[0]) or \(readings[1])"
      case let readings where readings.count == 1:
        "“\(text)”: please write dates year first, as \(readings[0])"
      default:
        "“\(text)” could be read more than one way; write it year first, like \(DateExample.iso(daysFromToday: 0))"
      }
    case .unknownDate(let text, let past):
      "“\(text)” is not a date letters understands (try \(past ? "\(DateExample.iso(daysFromToday: -7)), yesterday, 3 days ago, friday, tomorrow 9am" : "\(DateExample.iso(daysFromToday: 7)), tonight, tomorrow, friday, in 2 weeks"))"
    case .notATime(let text, let hour, let suffix): "“\(text)”: \(hour)\(suffix) is not a time"
    case .notAnHour(let text, let hour): "“\(text)”: \(hour) is not an hour"
    case .noRuleChange: "there is no rule change to make"
    case .quietHoursPerRecipient: "quiet hours are the same for everyone; set them without a recipient"
    case .recipientName: "a recipient's name needs 1 to 512 bytes on one line"
    case .periodOutOfRange: "a cooling-off period is between 1 minute and 366 days"
    case .notAnEmailAddress(let text): "“\(text)” does not look like an email address"
    case .nothingToEdit: "there is nothing to change: no new address, name or period was given"
    case .deliveryCommandLines: "the delivery command must be one line, like `msmtp -t` or `sendmail -t -i`"
    case .nothingToSearch: "there is nothing to search for"
    case .backupOntoItself: "a backup needs a different place than the vault itself"
    case .unlockDuration: "the vault can stay unlocked for 1 second up to 15 minutes"
    case .recoveryKeyLength(let count): "a recovery key has 34 letters and digits after LVR1; this one has \(count)"
    case .recoveryKeyCharacter(let character): "“\(character)” cannot be part of a recovery key; please check it"
    case .recoveryKeyTypo(let checkCharacters):
      checkCharacters
        ? "that recovery key has a typo somewhere (its last two characters do not match); please check it"
        : "that recovery key has a typo somewhere; please check it"
    }
  }
}
