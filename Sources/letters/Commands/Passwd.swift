import ArgumentParser
import LetterVault

struct Passwd: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Change the passphrase (the key is re-wrapped; letters are untouched).")

  @OptionGroup var options: VaultOptions
  @Option(help: "Key-derivation cost for the new passphrase: interactive, moderate or sensitive.")
  var kdf: String = "moderate"

  func run() throws {
    guard let cost = KDFParameters(presetName: kdf) else {
      throw ValidationError("--kdf must be interactive, moderate or sensitive")
    }
    let vault = try options.open()
    let new = try PassphraseSource.new(
      fileVariable: PassphraseSource.newFileVariable, prompt: "New passphrase: ")
    try vault.changePassphrase(to: new, kdf: cost)
    Console.info("the passphrase was changed; the old one no longer opens the vault")
  }
}
