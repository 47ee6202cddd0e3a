import ArgumentParser
import LetterVault

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new vault.")

  @OptionGroup var options: VaultOptions

  @Option(help: "Key-derivation cost: interactive, moderate or sensitive.", completion: Completions.kdfCosts)
  var kdf: String = "moderate"

  func run() throws {
    guard let cost = KDFParameters(presetName: kdf) else {
      throw ValidationError("--kdf must be interactive, moderate or sensitive")
    }
    let path = options.path
    let passphrase = try PassphraseSource.new(
      fileVariable: PassphraseSource.fileVariable, prompt: "Choose a passphrase for your letters: ")
    _ = try Vault.create(at: path, passphrase: passphrase, kdf: cost)
    Console.info("a new vault is ready at \(path)")
    Console.info("keep the passphrase somewhere safe: without it, nobody can open these letters, not even you")
  }
}
