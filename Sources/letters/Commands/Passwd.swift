import ArgumentParser
import LetterVault

struct Passwd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "passwd",
    abstract: "Change the passphrase (the key is re-wrapped; letters are untouched).")

  @OptionGroup var options: VaultOptions
  @Option(
    help: "Key-derivation cost for the new passphrase: interactive, moderate or sensitive.",
    completion: Completions.kdfCosts)
  var kdf: String = "moderate"
  @Flag(help: "Forgot the passphrase: unlock with the recovery key instead (LETTERS_RECOVERY_KEY_FILE, else asked).")
  var recovery = false

  func run() throws {
    guard let cost = KDFParameters(presetName: kdf) else {
      throw ValidationError("--kdf must be interactive, moderate or sensitive")
    }
    // Never from the unlock cache: changing who can open the vault needs a secret.
    let vault = try recovery ? options.openWithRecoveryKey() : options.openWithPassphrase()
    let new = try PassphraseSource.new(
      fileVariable: PassphraseSource.newFileVariable, prompt: "New passphrase: ")
    try vault.changePassphrase(to: new, kdf: cost)
    Console.info("the passphrase was changed; the old one no longer opens the vault")
  }
}
