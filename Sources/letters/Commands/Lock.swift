import ArgumentParser
import LetterVault

/// `letters lock`: forget a key left by `letters unlock`. Needs no passphrase.
struct Lock: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lock",
    abstract: "Lock the vault now: the next command asks for the passphrase again.")

  @OptionGroup var options: VaultOptions

  func run() throws {
    try options.requireVault()
    guard let cache = KeyCache.sessionKeyring(), try Vault.lock(at: options.path, cache: cache)
    else {
      Console.info("the vault was not unlocked, so there was nothing to lock")
      return
    }
    Console.info("the vault is locked; the next command asks for the passphrase")
  }
}
