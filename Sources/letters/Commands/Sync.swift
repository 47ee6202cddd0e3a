import ArgumentParser
import Foundation
import LetterVault

/// `letters sync`: the vault between computers through git (README "Two computers").
struct Sync: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Carry the vault between computers through git.",
    discussion: """
      `letters sync init REMOTE` sets the vault's folder up once on each computer; then \
      `letters sync` fetches what the other computers wrote, merges it in the way \
      `letters merge` does, and sends this computer's changes. Only the encrypted vault file \
      travels; commits say "letters sync" and nothing else.
      """,
    subcommands: [SyncNow.self, SyncInit.self, SyncMergeDriver.self],
    defaultSubcommand: SyncNow.self)
}

/// `letters sync [--forget-history]`.
struct SyncNow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "now",
    abstract: "Fetch, merge, and send this computer's changes (the default).",
    discussion: """
      Letters written, held, sent or burned on the other computers are merged in: sent \
      stays sent, burned stays burned, a pending send keeps the later deadline, and both texts \
      of a letter edited on two computers are kept. A damaged copy on the remote is refused \
      (exit 65) and nothing here changes. When another computer sent its changes at the same \
      moment, this one merges them too and tries again. With no changes anywhere, nothing is \
      committed. --forget-history then rewrites the remote, and this computer's history, to \
      one commit holding the vault as it is now: older encrypted copies, which older \
      passphrases or keys still open, are dropped (other computers keep theirs until they sync).
      """)

  @OptionGroup var options: VaultOptions
  @Flag(help: "Keep only the vault as it is now in the remote's history and this computer's.")
  var forgetHistory = false

  func run() throws {
    let vault = try options.open()
    let environment = GitChild.environment()
    let report = try GitChild.withScratch { scratch in
      forgetHistory
        ? try vault.forgetSyncHistory(
          environment: environment, scratch: scratch, copyPassphrase: GitChild.copyPassphrase)
        : try vault.sync(
          environment: environment, scratch: scratch, copyPassphrase: GitChild.copyPassphrase)
    }
    SyncText.report(report, forgotHistory: forgetHistory)
  }
}

/// `letters sync merge-driver %O %A %B`: what git runs when someone merges by hand.
struct SyncMergeDriver: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge-driver", shouldDisplay: false)

  @Argument var files: [String] = []

  func run() throws { throw CLIError.mergeLeftToLetters }
}
