import ArgumentParser
import LetterVault

/// `letters recovery add|remove` (SECURITY.md §2.2).
struct RecoveryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recovery",
    abstract: "Add or remove a recovery key: a second way in if you forget your passphrase.",
    subcommands: [Add.self, Remove.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Make a new recovery key and show it once (a previous one stops working).",
      discussion: """
        The key is shown on the terminal's alternate screen, never written to a file, and you \
        are asked to type one group of it back. With --stdout it is printed to standard output \
        instead, for a script that stores it itself (for example in a password manager). \
        Whoever has the key can read every letter.
        """)

    @OptionGroup var options: VaultOptions
    @Flag(help: "Print the key on standard output (for scripts) instead of the terminal.")
    var stdout = false

    func run() throws {
      let vault = try options.openWithPassphrase()
      let hadOne = try vault.hasRecoveryKey()
      let key = try RecoveryKey.generate()
      if stdout {
        try vault.addRecoveryKey(key)
        Console.out(key.text + "\n")
      } else {
        guard try RecoveryKeyDisplay.showOnTerminal(key) else {
          throw CLIError.recoveryKeyNotConfirmed
        }
        try vault.addRecoveryKey(key)
      }
      Console.info("the recovery key was added; keep it somewhere only you can reach")
      if hadOne { Console.info("the previous recovery key no longer opens the vault") }
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove",
      abstract: "Remove the recovery key; the written-down key no longer opens anything.")

    @OptionGroup var options: VaultOptions

    func run() throws {
      let vault = try options.openWithPassphrase()
      try ProgressLine.around { try vault.removeRecoveryKey(progress: $0) }
      Console.info("the recovery key was removed and the vault has a new key; only your passphrase opens it now")
      KeyCacheRelease.afterRekey(path: options.path)
    }
  }
}
