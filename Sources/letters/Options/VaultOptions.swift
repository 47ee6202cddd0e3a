import ArgumentParser
import Foundation
import LetterVault

/// `--vault PATH`, else `LETTERS_VAULT`, else `$XDG_DATA_HOME/letters/vault.db`
/// (`~/.local/share/letters/vault.db`).
struct VaultOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The vault file (default: $LETTERS_VAULT, else $XDG_DATA_HOME/letters/vault.db).",
      valueName: "path"),
    completion: .file())
  var vault: String?

  @Flag(name: [.customShort("q"), .long], help: "Print nothing on stderr except problems.")
  var quiet = false

  /// Runs right after parsing, before the command: the one place the quiet switch is set.
  func validate() throws { Console.quiet = quiet }

  var path: String { Self.path(flag: vault) }

  /// The vault `--vault` names, else the environment's, else the default.
  static func path(flag vault: String?) -> String {
    if let vault, !vault.isEmpty { return vault }
    if let fromEnvironment = Environment.value("LETTERS_VAULT"), !fromEnvironment.isEmpty {
      return fromEnvironment
    }
    let dataHome =
      Environment.value("XDG_DATA_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil }
      ?? (NSHomeDirectory() + "/.local/share")
    return dataHome + "/letters/vault.db"
  }

  /// Unlocks the vault: with a key cached by `letters unlock`, else the passphrase (file,
  /// command or terminal).
  ///
  /// Letters jotted while the vault was locked join it as drafts here, unless the command
  /// promises not to change the vault (`export`, `verify`): then they wait for the next one.
  func open(acceptingCaptures: Bool = true) throws -> Vault {
    // Fail on a missing vault before asking for a passphrase that cannot help.
    guard FileManager.default.fileExists(atPath: path) else {
      throw VaultError.vaultNotFound(path: path)
    }
    // A key left by `letters unlock` is used first; only without one is the passphrase asked.
    let vault = try Vault.open(at: path, cache: KeyCache.sessionKeyring()) {
      try PassphraseSource.current(prompt: "Passphrase for your letters: ")
    }
    let opened = reported(vault)
    if acceptingCaptures { try CaptureIntake.run(opened) }
    return opened
  }
}
