import VaultRecords
import Foundation

extension LetterDesk {
  func recipientNames() throws(VaultError) -> [String] {
    var names = try SendDesk(context).rules().recipients.map(\.name)
    for letter in try SearchDesk(context).list().letters where !letter.recipient.isEmpty && !names.contains(letter.recipient) {
      names.append(letter.recipient)
    }
    return names
  }

  func matchRecipient(_ typed: String) throws(VaultError) -> RecipientMatch {
    let given = typed.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !given.isEmpty else { return .new("") }
    return RecipientMatch.match(given, among: try recipientNames())
  }
}
