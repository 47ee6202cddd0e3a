import ArgumentParser
import Foundation
import LetterVault

struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Bring in a copy of this vault used on another computer.",
    discussion: """
      PATH is a copy of this same vault (made with cp or `letters backup`); another vault is refused. The copy is only read, with this vault's passphrase and key, and checked in full first. Nothing is ever deleted:
        - letters only the copy has are added;
        - revisions are combined; when both computers saved a different text under the same revision number, both are kept: the one saved earlier keeps the number, the other becomes the newest revision, and the conflict is listed;
        - notes and history are combined;
        - a letter sent on either computer stays sent, with the text that was sent as its current text; otherwise the latest change of state in the combined history wins (held, back to draft), and editing never changes the state;
        - a pending send request keeps the later of the two deadlines, and an edit made on the other computer starts its cooling-off again;
        - recipient, subject and tags come from the copy changed last.
      --conflicts (no PATH) merges each conflict copy a sync tool left beside the vault (Syncthing's `vault.sync-conflict-….db`, Dropbox's `vault (… conflicted copy …).db`, Nextcloud's `vault (conflict …).db`), checks the whole vault, and removes the copy once merged and checked; a copy that fails stays where it is.
      Rules, recipients and the passphrase of this vault are not changed. Merging the same copy twice changes nothing the second time. --dry-run lists the changes and writes nothing. A letter burned on either computer stays burned: the copy's letter is not brought back, and a letter the copy burned is destroyed here too.
      """)

  @OptionGroup var options: VaultOptions
  @Argument(help: "The other copy of the vault.", completion: .file()) var path: String?
  @Flag(help: "List what would change, and change nothing.") var dryRun = false
  @Flag(help: "Merge the conflict copies a sync tool left beside the vault, then remove them.")
  var conflicts = false

  func validate() throws {
    guard (path == nil) == conflicts else {
      throw ValidationError("give either the other copy's PATH or --conflicts")
    }
    guard !(conflicts && dryRun) else { throw ValidationError("--conflicts cannot be a dry run") }
  }

  func run() throws {
    guard let path else { return try mergeConflictCopies() }
    guard FileManager.default.fileExists(atPath: path) else {
      throw VaultError.vaultNotFound(path: path)
    }
    let vault = try options.open()
    // Copies share this vault's key; only a copy re-keyed elsewhere needs its passphrase.
    let passphrase =
      try vault.copyNeedsPassphrase(at: path)
      ? PassphraseSource.copy(prompt: "Passphrase for the other copy: ") : nil
    let report = try ProgressLine.around {
      try vault.merge(from: path, passphrase: passphrase, dryRun: dryRun, progress: $0)
    }
    MergeText.report(report, from: path)
  }

  /// `--conflicts`: each copy merged, checked and removed in turn; the first failure stops.
  private func mergeConflictCopies() throws {
    let vault = try options.open()
    let copies = vault.conflictCopies
    if copies.isEmpty { Console.info("there are no conflict copies beside the vault") }
    for copy in copies {
      let passphrase =
        try vault.copyNeedsPassphrase(at: copy)
        ? PassphraseSource.copy(prompt: "Passphrase for \(copy): ") : nil
      let report = try ProgressLine.around {
        try vault.mergeConflictCopy(copy, passphrase: passphrase, progress: $0)
      }
      for change in report.changes { Console.out(MergeText.line(change) + "\n") }
      Console.info("merged \(copy), checked the vault, and removed the copy")
    }
  }
}
