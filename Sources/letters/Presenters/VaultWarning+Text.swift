import LetterVault

extension VaultWarning {
  /// One calm line for the user.
  var text: String {
    switch self {
    case .rolledBack(let current, let seen):
      "this vault file is older than one this computer has seen before (change \(current), earlier seen \(seen)); it may have been replaced by an older copy, so it is read-only for now"
    case .deviceStateReplaced:
      "this computer's record of the vault's newest version could not be read, so a new one was started"
    case .captureKeyChanged:
      "the key that `letters jot` seals to was changed outside letters, so jots written since may not be private and are left aside; your letters are fine, and `letters passwd` makes a new key"
    }
  }
}
