import LetterVault

/// Status lines about how the vault is unlocked (SECURITY.md §2.3: always say so).
enum StatusLines {
  static func unlock(_ vault: Vault) -> String {
    guard let until = vault.unlockedFromCacheUntil else {
      return "Locked: every command asks for the passphrase"
    }
    return "Unlocked until \(Formatting.time(until)) (`letters lock` locks it now)"
  }

  /// Jotted texts an unlock could not take in (FORMAT.md §6.5): said once, plainly.
  static func setAside(_ count: Int) -> String {
    count == 1
      ? "Set aside: 1 jotted text, left as it is because it could not be opened or did not fit a letter"
      : "Set aside: \(count) jotted texts, left as they are because they could not be opened or did not fit a letter"
  }
}
