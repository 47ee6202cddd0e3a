import LetterVault

/// Status lines about how the vault is unlocked (SECURITY.md §2.3: always say so).
enum StatusLines {
  static func unlock(_ vault: Vault) -> String {
    guard let until = vault.unlockedFromCacheUntil else {
      return "Locked: every command asks for the passphrase"
    }
    return "Unlocked until \(Formatting.time(until)) (`letters lock` locks it now)"
  }
}
