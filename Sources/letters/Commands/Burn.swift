import ArgumentParser
import LetterVault

/// `letters burn ID`: destroy a draft or held letter (SECURITY.md §2.6).
struct Burn: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "burn",
    abstract: "Destroy a draft or held letter. It cannot be brought back.",
    discussion: """
      The letter's records are overwritten and the vault gets a new key, so copies of the file \
      made from now on hold nothing of it. Older copies (backups, snapshots, synced versions) \
      still do, for someone who also knows the passphrase, and an SSD may keep old blocks. \
      Asks for the passphrase and for the first 4 characters of the id. When the vault syncs \
      through git (`letters sync init`), the git history keeps older copies too: burn then \
      offers `letters sync --forget-history` (asked on a terminal; with --confirm-id it prints \
      the command).
      """)

  @OptionGroup var options: VaultOptions
  @Argument(help: "The letter's id (4 or more characters).", completion: Completions.letterIDs) var id: String
  @Option(help: "Confirm without a terminal: the letter's id (at least its first 4 characters).")
  var confirmId: String?

  func run() throws {
    let vault = try options.openWithPassphrase()
    let letterID = try vault.resolve(id)
    let summary = try vault.letter(letterID).summary
    let expected = String(letterID.description.prefix(4))
    if let confirmId {
      guard confirmId.count >= 4, letterID.description.hasPrefix(confirmId.lowercased()) else {
        throw CLIError.burnNotConfirmed
      }
    } else {
      let to = summary.recipient.isEmpty ? "" : " to \(summary.recipient)"
      Console.info("letter \(letterID.short)\(to) (\(summary.state)) will be destroyed for good")
      guard
        let typed = TerminalPrompt.readLine(
          prompt: "Type the first 4 characters of its id (\(expected)) to burn it: "),
        typed.lowercased() == expected
      else { throw CLIError.burnNotConfirmed }
    }
    let report = try vault.burn(letterID)
    Console.info("letter \(letterID.short) was burned; the vault now has a new key")
    if report.recoveryKeyRemoved {
      Console.warning(
        "the recovery key belonged to the old key, so it was removed; `letters recovery add` makes a new one"
      )
    }
    if let cache = KeyCache.sessionKeyring(),
      (try? Vault.lock(at: options.path, cache: cache)) == true
    {
      Console.info("the vault was unlocked with the old key, so it is locked now")
    }
    try offerToForgetHistory(vault)
  }

  /// git keeps every synced copy of the vault; only a rewrite of its history drops the
  /// burned letter from there (SECURITY.md §2.9).
  private func offerToForgetHistory(_ vault: Vault) throws {
    let environment = GitChild.environment()
    guard vault.isSyncedWithGit(environment: environment) else { return }
    let question =
      "older copies of the vault in the sync history still hold this letter; drop them now, here and on the remote?"
    guard confirmId == nil, TerminalPrompt.confirm(question) else {
      Console.info(
        "older copies of the vault in the sync history still hold this letter; `letters sync --forget-history` drops them")
      return
    }
    let report = try GitChild.withScratch { scratch in
      try vault.forgetSyncHistory(
        environment: environment, scratch: scratch, copyPassphrase: GitChild.copyPassphrase)
    }
    SyncText.report(report, forgotHistory: true)
  }
}
