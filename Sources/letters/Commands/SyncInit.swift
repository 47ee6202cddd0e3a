import ArgumentParser
import Foundation
import LetterVault

/// `letters sync init REMOTE`.
struct SyncInit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Set the vault's folder up to sync with a git remote.",
    discussion: """
      REMOTE is anything git can reach: a bare repository on a USB stick or another disk \
      (`git init --bare /media/stick/letters.git`), or ssh (`me@host:letters.git`). The folder \
      becomes a git repository holding only the encrypted vault, and the first sync runs. \
      On a computer with no vault at the path yet, the vault is fetched from REMOTE and \
      opened with its passphrase to check it. No passphrase or key is ever written to git.
      """)

  @OptionGroup var options: VaultOptions
  @Argument(help: "The git remote: a path or an ssh address.") var remote: String

  func run() throws {
    let environment = GitChild.environment()
    let remote =
      remote.hasPrefix("/") || remote.contains(":") || !FileManager.default.fileExists(atPath: remote)
      ? remote : URL(fileURLWithPath: remote).standardizedFileURL.path
    let joined = !FileManager.default.fileExists(atPath: options.path)
    if joined {
      try Vault.joinSync(
        remote: remote, at: options.path, driver: GitChild.binary, environment: environment)
    }
    let vault = try options.open()
    let report = try GitChild.withScratch { scratch in
      try vault.setUpSync(
        remote: remote, driver: GitChild.binary, environment: environment, scratch: scratch,
        copyPassphrase: GitChild.copyPassphrase)
    }
    if joined {
      let problems = try vault.verify()
      guard problems.isEmpty else { throw VaultError.damaged(problems) }
      Console.info("the vault was fetched from \(remote) and opens here; `letters sync` keeps it in step")
    } else {
      Console.info("the vault's folder now syncs with \(remote); run `letters sync` on each computer")
    }
    SyncText.report(report, forgotHistory: false)
  }
}
