import Foundation

/// Why the vault refused something the letter's state, or the vault's, does not allow
/// (``VaultError/notAllowed(_:)``). Facts only: the command line words them (ARCHITECTURE.md
/// "Errors carry facts").
public enum Refusal: Equatable, Sendable {
  /// The letter was sent; a letter is never sent twice.
  case alreadySent(LetterID)
  /// The letter was sent, so its text cannot change (a note still can).
  case sentTextIsKept(LetterID)
  /// The letter gained revision `revision` after the text being saved was read (another
  /// window or process edited it): the save would bury that revision, so it was refused.
  case changedSinceRead(LetterID, revision: Int)
  /// The letter was sent, so it cannot be held again.
  case sentCannotBeHeld(LetterID)
  /// The letter was sent, so it cannot be burned.
  case sentLetterIsKept(LetterID)
  /// The letter was sent on that date (what `send` says when asked again).
  case wasSent(LetterID, on: Date)
  /// `--retry` was asked for a letter whose delivery was not interrupted.
  case noInterruptedDelivery(LetterID)
  /// A send request already runs for the letter.
  case alreadyRequested(LetterID)
  /// There is no send request to withdraw.
  case noRequestToWithdraw(LetterID)
  /// A release needs a send request first (its cooling-off has not started).
  case noSendRequest(LetterID)
  /// `resolveDelivery` was asked about a letter with no delivery waiting for an answer.
  case noDeliveryWaiting(LetterID)
  /// The recipient has an email address but no mail command is set up, so recording the
  /// letter as sent by hand could be a mistake.
  case addressWithoutMailCommand(recipient: String)
  /// Delivery was asked for but no mail command is set up.
  case noMailCommand
  /// Delivery was asked for but the recipient has no email address (empty: no recipient).
  case noEmailAddress(recipient: String)
  /// Jotting without the passphrase needs the vault's capture key, and this vault has none.
  case noCaptureKey
  /// Burning re-keys the vault, so it needs the vault opened with its passphrase.
  case burnNeedsPassphrase
  /// Another passphrase slot exists that this session cannot re-wrap; nothing was burned.
  case otherPassphraseSlot
  /// There is no recovery key to remove.
  case noRecoveryKey
  /// The file at `path` is another vault, not a copy of this one.
  case differentVault(path: String)
  /// The name is already a recipient's (`holder` is their name now: the same person, or one
  /// who was called this before a rename).
  case recipientExists(name: String, holder: String)
}
