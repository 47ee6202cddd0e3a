import LetterVault

/// The one place library errors become words (ARCHITECTURE.md "Errors carry facts"): one
/// lowercase line that names the object, in the voice of FORMAT.md §11. Hints and exit codes
/// are beside it, in VaultError+CLI.swift.
extension VaultError {
  var text: String {
    switch self {
    case .vaultNotFound(let path): "there is no vault at \(path)"
    case .vaultAlreadyExists(let path): "a vault already exists at \(path); it was left as it is"
    // A mistyped passphrase is by far the likeliest; a damaged key slot looks the same to the
    // cipher, and is named in the hint rather than in the first line someone reads.
    case .wrongPassphrase: "that passphrase did not open the vault"
    case .letterNotFound(let id): "no letter has the id \(id)"
    case .ambiguousID(let id, let count): "\(count) letters start with \(id); type a few more characters"
    case .damaged(let damages):
      damages.count == 1
        ? "stored data was changed or is damaged: \(damages[0].text)"
        : "stored data was changed or is damaged in \(damages.count) places"
    case .unsupportedVersion(let version): "this vault uses format \(version), which this version of letters cannot read"
    case .kdfCostTooHigh: "the vault asks for more key-derivation work than letters accepts"
    case .unsafeFile(let path, let reason): "letters will not open \(path): \(reason)"
    case .io(let path, let reason): "cannot use \(path): \(reason)"
    case .busy: "another letters process is using the vault; try again in a moment"
    case .invalidInput(let reason): reason.text
    case .notAllowed(let refusal): refusal.text
    case .notYet(let until, let why): NotYetMessage.sentence(why, until: until)
    case .outOfMemory: "there was not enough memory to derive the key"
    case .cryptoUnavailable: "libsodium 1.0.18 or newer is needed and could not be loaded"
    case .wrongRecoveryKey: "that recovery key did not open the vault (it may have been removed or replaced)"
    case .rolledBack(let current, let seen):
      "this vault file is older than one this computer has seen before (change \(current), earlier seen \(seen)), so nothing will be written to it for now"
    case .keyCacheUnavailable(let reason): "the vault cannot stay unlocked here: \(reason)"
    case .outputExists(let path): "\(path) already exists; it was left as it is"
    case .importRefused(let problems):
      problems.count == 1
        ? "\(problems[0].text); nothing was imported"
        : "\(problems.countText) could not be read as letters; nothing was imported"
    case .deliveryFailed(let letter, let reason):
      "letter \(letter) could not be delivered (\(reason)); it is still held and nothing was lost"
    case .deliveryUnresolved(let letter, _):
      "a delivery of letter \(letter) was started, but letters never learned whether it went out"
    case .fingerprintMismatch(let id):
      "that fingerprint is not the one of letter \(id) as it is now, so it was not sent"
    case .recipientNotFound(let name): "there is no recipient called \(name)"
    case .recipientNameTaken(let name, let holder):
      name.lowercased() == holder.lowercased()
        ? "\(holder) is already a recipient, so nothing was changed"
        : "\(name) was an earlier name of \(holder), and letters written to it still follow \(holder)'s rules, so nothing was changed"
    case .syncFailed(let problem): problem.text
    }
  }
}
