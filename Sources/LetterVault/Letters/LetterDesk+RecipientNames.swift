import VaultRecords
import Foundation

extension LetterDesk {
  func recipientNames() throws(VaultError) -> [String] {
    try names(unlessSomeoneIs: nil) ?? []
  }

  func matchRecipient(_ typed: String) throws(VaultError) -> RecipientMatch {
    let given = typed.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !given.isEmpty else { return .new("") }
    // A whole name someone already has is that name, whatever the other names are
    // (``RecipientMatch/match(_:among:)`` asks that first): no need to gather every name.
    guard let names = try names(unlessSomeoneIs: given) else { return .known(given) }
    return RecipientMatch.match(given, among: names)
  }

  /// The rules' names, then the letters' newest first, each once; nil as soon as `given` is
  /// exactly one of them.
  private func names(unlessSomeoneIs given: String?) throws(VaultError) -> [String]? {
    var names = try SendDesk(context).rules().recipients.map(\.name)
    if let given, names.contains(given) { return nil }
    var seen = Set(names)
    let search = SearchDesk(context)
    // The listing's names alone (`list` builds, orders and checks a summary of every letter,
    // which `write --to` does not need; docs/PERFORMANCE.md rounds 4 and 5).
    let recipients: [String]
    switch try search.recipientsNewestFirst(unlessSomeLetterIsTo: given) {
    case .someLetterIsTo?: return nil
    case .newestFirst(let listed)?: recipients = listed
    case nil: recipients = try search.list().letters.map(\.recipient)
    }
    for recipient in recipients where !recipient.isEmpty && seen.insert(recipient).inserted {
      names.append(recipient)
    }
    return names
  }
}
