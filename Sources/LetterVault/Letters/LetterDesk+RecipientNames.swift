import VaultRecords
import Foundation

extension LetterDesk {
  func recipientNames() throws(VaultError) -> [String] {
    var names = try SendDesk(context).rules().recipients.map(\.name)
    var seen = Set(names)
    let search = SearchDesk(context)
    // The listing's names alone (`list` builds, orders and checks a summary of every letter,
    // which `write --to` does not need; docs/PERFORMANCE.md round 4).
    var recipients = try search.recipientsNewestFirst()
    if recipients == nil { recipients = try search.list().letters.map(\.recipient) }
    for recipient in recipients ?? [] where !recipient.isEmpty && seen.insert(recipient).inserted {
      names.append(recipient)
    }
    return names
  }

  func matchRecipient(_ typed: String) throws(VaultError) -> RecipientMatch {
    let given = typed.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !given.isEmpty else { return .new("") }
    // A whole name someone already has is that name, whatever the other names are
    // (``RecipientMatch/match(_:among:)`` asks that first): no need to gather every name.
    if try SendDesk(context).rules().recipients.contains(where: { $0.name == given }) { return .known(given) }
    if try SearchDesk(context).someLetterIsTo(given) == true { return .known(given) }
    return RecipientMatch.match(given, among: try recipientNames())
  }
}
