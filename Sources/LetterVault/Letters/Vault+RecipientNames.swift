import Foundation

extension Vault {
  /// Every name a letter may be addressed to that this vault knows: the recipients with rules
  /// first, then those of letters, each once.
  public func recipientNames() throws(VaultError) -> [String] {
    var names = try rules().recipients.map(\.name)
    for letter in try list().letters where !letter.recipient.isEmpty && !names.contains(letter.recipient) {
      names.append(letter.recipient)
    }
    return names
  }

  /// What `typed` means among ``recipientNames()`` (``RecipientMatch``).
  public func matchRecipient(_ typed: String) throws(VaultError) -> RecipientMatch {
    let given = typed.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !given.isEmpty else { return .new("") }
    return RecipientMatch.match(given, among: try recipientNames())
  }
}
