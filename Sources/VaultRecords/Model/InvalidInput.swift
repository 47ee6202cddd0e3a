/// What was wrong with something typed or given (``VaultError/invalidInput(_:)``). Facts
/// only; the command line words them (ARCHITECTURE.md "Errors carry facts").
public enum InvalidInput: Equatable, Sendable {
  // A letter's fields and text (FORMAT.md §6 caps).
  case recipientTooLong
  case subjectTooLong
  case tooManyTags(maximum: Int)
  case tagLength
  case textTooLong(maximumBytes: Int)
  case textNotUTF8
  case emptyNote
  /// An id prefix shorter than 4 characters.
  case idTooShort
  // Dates and times as typed (DatePhrase).
  case emptyDate
  /// A date like 03/04/2026 that reads two ways.
  case ambiguousDate(String)
  /// `past`: the date names something that happened (a filter), not a time to come.
  case unknownDate(String, past: Bool)
  case notATime(String, hour: Int, suffix: String)
  case notAnHour(String, hour: Int)
  // Rules, recipients and delivery.
  case noRuleChange
  case quietHoursPerRecipient
  case recipientName
  case periodOutOfRange
  case notAnEmailAddress(String)
  case nothingToEdit
  case deliveryCommandLines
  // Everything else.
  case nothingToSearch
  case backupOntoItself
  case unlockDuration
  /// A recovery key of the wrong length: how many characters followed the prefix.
  case recoveryKeyLength(Int)
  case recoveryKeyCharacter(Character)
  /// A typo the check characters caught (`checkCharacters`), or one found while parsing.
  case recoveryKeyTypo(checkCharacters: Bool)
}
