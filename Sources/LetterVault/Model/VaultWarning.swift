import VaultRecords
import Foundation

/// Something the vault wants the user to know right after it was opened (SECURITY.md §2.4).
/// The library never prints; the command line words and shows each one.
public enum VaultWarning: Equatable, Sendable {
  /// The file is older than the newest copy this computer has seen: it was probably replaced
  /// by an older copy (a backup, a sync conflict, someone else). Writing is refused until
  /// ``Vault/acceptRollback()``.
  case rolledBack(currentEpoch: UInt64, highestSeen: UInt64)
  /// This computer's note of the newest copy seen could not be read or was not written by
  /// this vault; a fresh one was started from the file as it is now.
  case deviceStateReplaced
  /// The clear-text key jots are sealed to is not the one this vault's settings give:
  /// someone who could write the file may have changed it, and could read jots written since.
  /// Everything else opens; `verify` names it (65) and ``Vault/changePassphrase(to:kdf:progress:)``
  /// makes a new pair. Jots waiting meanwhile are set aside, never taken in.
  case captureKeyChanged
  /// A file-sync tool left conflict copies of the vault beside it (full paths): each holds
  /// letters written on another computer. ``Vault/mergeConflictCopies(passphrase:progress:)``
  /// brings them in.
  case conflictCopies([String])
}
