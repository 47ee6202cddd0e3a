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
