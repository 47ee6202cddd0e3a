import VaultRecords
import Foundation

/// The public calls of ``SyncDesk``, ``Watermark``, forwarded (ARCHITECTURE.md "Services (LetterVault)").
extension Vault {
  // MARK: - SyncDesk


  /// Writes a consistent copy of the vault to `destination` and checks it before it appears
  /// there: the copy is opened with this vault's master key and every record verified.
  ///
  /// The copy is as encrypted as the vault (same passphrase, same recovery key), created
  /// 0600, and taken with SQLite's online backup API, so other processes may keep writing.
  /// An existing file is replaced only with `overwrite`; a failed check leaves nothing behind.
  public func backup(to destination: String, overwrite: Bool = false) throws(VaultError) {
    try syncDesk.backup(to: destination, overwrite: overwrite)
  }

  /// Brings in what the copy at `path` has and this vault lacks, in one transaction.
  ///
  /// The copy must be this vault (same vault id), e.g. made with `cp` or a backup. Its records
  /// are opened with this vault's master key; only if that fails (the copy's key was rotated)
  /// is `passphrase` tried on the copy's own keyslots. The copy is checked completely first:
  /// any damage in it refuses the merge and changes nothing here.
  ///
  /// Letters are matched by id. Revisions, notes and history are unioned; a revision number
  /// used on both sides for different texts keeps both (reported as a conflict); a sent letter
  /// never goes back to unsent. Rules: FORMAT.md §16 "Merge rules".
  ///
  /// - Parameters:
  ///   - dryRun: report what would change and write nothing.
  ///   - progress: told how many letters of the copy have been checked, then compared.
  public func merge(
    from path: String, passphrase: Passphrase? = nil, dryRun: Bool = false,
    progress: ProgressHandler? = nil
  ) throws(VaultError) -> MergeReport {
    try syncDesk.merge(from: path, passphrase: passphrase, dryRun: dryRun, progress: progress)
  }

  /// True when the copy at `path` is this vault but its records do not open with this
  /// vault's key (it was re-keyed on the other computer, e.g. by a burn there), so `merge`
  /// needs the passphrase of the copy. Throws for another vault or an unreadable file.
  public func copyNeedsPassphrase(at path: String) throws(VaultError) -> Bool {
    try syncDesk.copyNeedsPassphrase(at: path)
  }

  /// Conflict copies a file-sync tool left beside the vault file (Syncthing, Dropbox,
  /// Nextcloud), by full path: each is a whole copy of this vault from another computer.
  public var conflictCopies: [String] { ConflictCopies.find(besides: path) }

  /// Merges the conflict copy at `copy` in (as ``merge(from:passphrase:dryRun:progress:)``),
  /// verifies the whole vault, and removes the copy once both went well. Any failure leaves
  /// the copy where it is.
  public func mergeConflictCopy(
    _ copy: String, passphrase: Passphrase? = nil, progress: ProgressHandler? = nil
  ) throws(VaultError) -> MergeReport {
    try syncDesk.mergeConflictCopy(copy, passphrase: passphrase, progress: progress)
  }

  /// True when the vault's folder was set up by `letters sync init` (a git repository for
  /// this vault file).
  public func isSyncedWithGit(environment: [String: String]) -> Bool {
    (try? GitSync(vaultPath: path, environment: environment).isSetUp) ?? false
  }

  /// Fetches from the remote, merges what it brings (the remote's copy is written to a file
  /// in `scratch`, a private RAM-backed folder, and removed on every path), commits a
  /// consistent copy of this vault when it changed and pushes (README "Two computers").
  /// `copyPassphrase` is asked only when the remote's copy has another key (a burn or
  /// `passwd` on another computer). A damaged remote copy is refused and changes nothing.
  /// git runs with `environment` and no hooks.
  public func sync(
    environment: [String: String], scratch: String, copyPassphrase: () throws -> Passphrase
  ) throws -> SyncReport {
    try syncDesk.sync(environment: environment, scratch: scratch, copyPassphrase: copyPassphrase)
  }

  /// Makes the vault's folder a git repository holding only this vault, with `remote` as
  /// its remote and `driver` (the letters binary, by absolute path) as the merge driver of
  /// the vault file, then syncs once.
  public func setUpSync(
    remote: String, driver: String, environment: [String: String], scratch: String,
    copyPassphrase: () throws -> Passphrase
  ) throws -> SyncReport {
    try GitSync(vaultPath: path, environment: environment).setUp(remote: remote, driver: driver)
    return try sync(environment: environment, scratch: scratch, copyPassphrase: copyPassphrase)
  }

  /// Syncs, then rewrites the remote and this repository to one commit holding the vault as
  /// it is now, so old encrypted copies leave the history (SECURITY.md §2.9).
  public func forgetSyncHistory(
    environment: [String: String], scratch: String, copyPassphrase: () throws -> Passphrase
  ) throws -> SyncReport {
    try syncDesk.forgetHistory(
      environment: environment, scratch: scratch, copyPassphrase: copyPassphrase)
  }

  /// `letters sync init REMOTE` where no vault exists yet at `path`: sets the folder up and
  /// fetches the vault from the remote. Open it afterwards to check it.
  public static func joinSync(
    remote: String, at path: String, driver: String, environment: [String: String]
  ) throws(VaultError) {
    try GitSync(vaultPath: path, environment: environment)
      .join(remote: remote, vaultPath: path, driver: driver)
  }

  // MARK: - Watermark


  /// Anything the user should know from opening: for example a file older than one seen here.
  public var warnings: [VaultWarning] { watermark.warnings }

  /// True when writes are refused because the file looks rolled back.
  public var isReadOnly: Bool { watermark.isReadOnly }

  /// Makes the file as it is now the newest this computer knows of, after the user said
  /// the older copy was restored on purpose. Writing works again afterwards.
  public func acceptRollback() throws(VaultError) {
    try watermark.acceptRollback()
  }
}
