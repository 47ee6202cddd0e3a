import Foundation
import LetterVault

/// The ways a command unlocks the vault, beyond the plain ``VaultOptions/open()``.
extension VaultOptions {
  /// Fails on a missing vault before asking for anything that cannot help.
  func requireVault() throws {
    guard FileManager.default.fileExists(atPath: path) else {
      throw VaultError.vaultNotFound(path: path)
    }
  }

  /// Always asks for the passphrase, even while the vault is unlocked: for commands that
  /// change who can open it (passwd, recovery, unlock) or destroy something (burn). A key
  /// cached for reading must not let someone at the keyboard take the vault over.
  func openWithPassphrase() throws -> Vault {
    try requireVault()
    let passphrase = try PassphraseSource.current(prompt: "Passphrase for your letters: ")
    return try reported(try Vault.open(at: path, passphrase: passphrase))
  }

  /// Unlocks with the recovery key (`LETTERS_RECOVERY_KEY_FILE`, else asked).
  func openWithRecoveryKey() throws -> Vault {
    try requireVault()
    let key = try RecoveryKeySource.current()
    return try reported(try Vault.open(at: path, recoveryKey: key))
  }

  /// Prints what the vault wants the user to know after opening it.
  func reported(_ vault: Vault) -> Vault {
    // Shown even with --quiet: the user must always know the vault is open (docs/SECURITY.md §2.3).
    if let until = vault.unlockedFromCacheUntil {
      Console.warning("unlocked until \(Formatting.time(until)); `letters lock` locks it now")
    }
    for warning in vault.warnings { Console.warning(warning.text) }
    return vault
  }
}
