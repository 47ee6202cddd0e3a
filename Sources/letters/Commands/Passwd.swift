import ArgumentParser
import LetterVault

struct Passwd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "passwd",
    abstract: "Change the passphrase; the vault gets a new key, so the old one opens nothing new.")

  @OptionGroup var options: VaultOptions
  @Option(
    help: "Key-derivation cost for the new passphrase: interactive, moderate or sensitive (default: the vault's present cost).",
    completion: Completions.kdfCosts)
  var kdf: String?
  @Flag(help: "Forgot the passphrase: unlock with the recovery key instead (LETTERS_RECOVERY_KEY_FILE, else asked).")
  var recovery = false

  func run() throws {
    var cost: KDFParameters?
    if let kdf {
      guard let preset = KDFParameters(presetName: kdf) else {
        throw ValidationError("--kdf must be interactive, moderate or sensitive")
      }
      cost = preset
    }
    // Never from the unlock cache: changing who can open the vault needs a secret.
    let vault = try recovery ? options.openWithRecoveryKey() : options.openWithPassphrase()
    let new = try PassphraseSource.new(
      fileVariable: PassphraseSource.newFileVariable, prompt: "New passphrase: ")
    let report = try ProgressLine.around { try vault.changePassphrase(to: new, kdf: cost, progress: $0) }
    Console.info("the passphrase was changed and the vault has a new key; the old passphrase opens nothing")
    if report.recoveryKeyRemoved {
      Console.warning(
        "the recovery key belonged to the old key, so it was removed; `letters recovery add` makes a new one"
      )
    }
    KeyCacheRelease.afterRekey(path: options.path)
  }
}
