import LetterVault

/// What a ``Refusal`` says, with the command that helps where there is one.
extension Refusal {
  var text: String {
    switch self {
    case .alreadySent(let id): "letter \(id.short) was already sent; a letter is never sent twice"
    case .sentTextIsKept(let id):
      "letter \(id.short) was sent, so its text stays as it was; a note can still be added"
    case .changedSinceRead(let id, let revision):
      "letter \(id.short) was changed elsewhere while you wrote (it is now at revision \(revision)), so your text was not put over it"
    case .sentCannotBeHeld(let id): "letter \(id.short) was already sent"
    case .sentLetterIsKept(let id):
      "letter \(id.short) was sent, so it stays; only drafts and held letters can be burned"
    case .wasSent(let id, let date):
      "letter \(id.short) was sent on \(Formatting.local(date)); a letter is never sent twice"
    case .noInterruptedDelivery(let id): "letter \(id.short) has no interrupted delivery to retry"
    case .alreadyRequested(let id): "letter \(id.short) already has a send request"
    case .noRequestToWithdraw(let id): "letter \(id.short) has no send request to withdraw"
    case .noSendRequest(let id):
      "letter \(id.short) has no send request; `letters send \(id.short)` starts its cooling-off"
    case .noDeliveryWaiting(let id): "letter \(id.short) has no delivery waiting for an answer"
    case .addressWithoutMailCommand(let recipient):
      "\(recipient) has an email address but no mail command is set up; `letters delivery set --command 'msmtp -t'` sets one, or add --by-hand if you send it yourself"
    case .noMailCommand:
      "no mail command is set up; `letters delivery set --command 'msmtp -t'` sets one, or send it yourself with --by-hand"
    case .noEmailAddress(let recipient):
      "\(recipient.isEmpty ? "this letter has no recipient, so it" : recipient) has no email address; send it yourself and record it with --by-hand"
    case .noCaptureKey:
      "this vault has no capture key, so jotting needs the passphrase; use `letters write`"
    case .burnNeedsPassphrase: "burning a letter needs the vault opened with its passphrase"
    case .otherPassphraseSlot:
      "the vault has another passphrase slot this session cannot re-wrap; nothing was burned"
    case .noRecoveryKey: "this vault has no recovery key, so there was nothing to remove"
    case .differentVault(let path):
      "\(path) is a different vault, not a copy of this one; only copies of the same vault can be merged. Nothing was changed"
    case .recipientExists(let name, let holder):
      holder.lowercased() == name.lowercased()
        ? "\(name) is already a recipient; `letters recipient edit` changes their address, name or period"
        : "\(name) was an earlier name of \(holder), and letters written to it follow \(holder)'s rules; `letters recipient edit` changes \(holder)"
    }
  }
}
