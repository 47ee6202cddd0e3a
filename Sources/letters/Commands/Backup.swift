import ArgumentParser
import LetterVault

/// `letters backup PATH`: a verified, encrypted copy of the vault.
struct Backup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Write an encrypted copy of the vault and check it.",
    discussion: """
      The copy is taken consistently even while another letters command is writing, then \
      opened and every record checked before it is put in place (mode 0600). It opens with the \
      same passphrase and recovery key. After restoring an older copy on this computer, run \
      `letters verify --accept-rollback` to make it the current one.
      """)

  @OptionGroup var options: VaultOptions
  @Argument(help: "Where to write the copy.", completion: .file()) var destination: String
  @Flag(help: "Replace an existing file at the destination.") var force = false

  func run() throws {
    let vault = try options.open()
    try vault.backup(to: destination, overwrite: force)
    Console.info("a checked, encrypted copy of your letters is at \(destination)")
  }
}
