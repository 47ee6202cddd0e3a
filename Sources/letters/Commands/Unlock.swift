import ArgumentParser
import Foundation
import LetterVault

/// `letters unlock [--for DURATION]`: keep the vault unlocked for a few minutes, in the
/// kernel keyring (SECURITY.md §2.3). Nothing is cached unless this is run.
struct Unlock: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unlock",
    abstract: "Keep the vault unlocked for a few minutes (5 by default, at most 15).",
    discussion: """
      The key is held by the Linux kernel keyring of this login session, readable only by \
      processes of this session, and forgotten when the time is up or on `letters lock`. \
      While it is unlocked, anyone at this computer can read your letters without the \
      passphrase. Changing the passphrase, the recovery key, or burning a letter still asks \
      for the passphrase. Not available on macOS in this version.
      """)

  @OptionGroup var options: VaultOptions
  @Option(name: .customLong("for"), help: ArgumentHelp("How long: 90s, 5m, 15m.", valueName: "duration"))
  var duration: UnlockDuration = UnlockDuration(seconds: KeyCache.defaultLifetime)

  func run() throws {
    guard let cache = KeyCache.sessionKeyring() else {
      throw VaultError.keyCacheUnavailable(
        "this system has no kernel keyring letters can use (macOS has no unlock cache yet)")
    }
    // Checked before the passphrase is typed (found at a real terminal: `--for 20m` was
    // refused only after it); the library checks again.
    guard KeyCache.lifetimes.contains(duration.seconds) else {
      throw VaultError.invalidInput(.unlockDuration)
    }
    let vault = try options.openWithPassphrase()
    let until = try vault.keepUnlocked(in: cache, for: duration.seconds)
    Console.info(
      "the vault stays unlocked until \(Formatting.time(until)); `letters lock` locks it now")
  }
}
