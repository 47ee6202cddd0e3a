import ArgumentParser

struct VaultPath: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "path", abstract: "Print where the vault file is (no passphrase needed).")

  @OptionGroup var options: VaultOptions

  func run() throws { Console.out(options.path + "\n") }
}
