import ArgumentParser
import Foundation
import LetterVault

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new vault.")

  @OptionGroup var options: VaultOptions

  @Option(help: "Key-derivation cost: interactive, moderate or sensitive.", completion: Completions.kdfCosts)
  var kdf: String = "moderate"

  @Option(help: ArgumentHelp("The cooling-off period, from 1m (default 24h).", valueName: "period"))
  var coolingOff: String?

  @Option(help: ArgumentHelp("Quiet hours, like 22:00-07:00 (the default), or none.", valueName: "window"))
  var quietHours: String?

  func run() throws {
    guard let cost = KDFParameters(presetName: kdf) else {
      throw ValidationError("--kdf must be interactive, moderate or sensitive")
    }
    let period = try coolingOff.map(DurationArgument.parse)
    let window = try quietHours.map(QuietHoursArgument.parse)
    let path = options.path
    // Before the passphrase is typed twice: a place no later command would open is refused now.
    try Vault.checkPlace(forNewVaultAt: path)
    // The README names LETTERS_NEW_PASSPHRASE_FILE for init; LETTERS_PASSPHRASE_FILE still
    // works when it is not set.
    let newFile = ProcessInfo.processInfo.environment[PassphraseSource.newFileVariable] ?? ""
    let passphrase = try PassphraseSource.new(
      fileVariable: newFile.isEmpty ? PassphraseSource.fileVariable : PassphraseSource.newFileVariable,
      prompt: "Choose a passphrase for your letters: ")
    _ = try Vault.create(
      at: path, passphrase: passphrase, kdf: cost, coolingOff: period, quietHours: window)
    Console.info("a new vault is ready at \(path)")
    Console.info("keep the passphrase somewhere safe: without it, nobody can open these letters, not even you")
  }
}
