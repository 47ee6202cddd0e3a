import LetterVault

extension VaultWarning {
  /// One calm line for the user.
  var text: String {
    switch self {
    case .rolledBack(let current, let seen):
      "this vault file is older than one this computer has seen before (change \(current), earlier seen \(seen)); it may have been replaced by an older copy, so it is read-only for now"
    case .deviceStateReplaced:
      "this computer's record of the vault's newest version could not be read, so a new one was started"
    case .conflictCopies(let copies):
      copies.count == 1
        ? "a sync tool left a second copy of the vault beside it (\(copies[0])); `letters merge --conflicts` brings its letters in and then removes it"
        : "a sync tool left \(copies.count) other copies of the vault beside it; `letters merge --conflicts` brings their letters in and then removes them"
    case .captureKeyChanged:
      "the key that `letters jot` seals to was changed outside letters, so jots written since may not be private and are left aside; your letters are fine, and `letters passwd` makes a new key"
    }
  }
}
