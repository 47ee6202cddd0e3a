import Foundation

/// Something the vault wants the user to know right after it was opened (security.md §1.13).
/// The library never prints; the command line shows each one.
public enum VaultWarning: Equatable, Sendable, CustomStringConvertible {
  /// The file is older than the newest copy this computer has seen: it was probably replaced
  /// by an older copy (a backup, a sync conflict, someone else). Writing is refused until
  /// ``Vault/acceptRollback()``.
  case rolledBack(currentEpoch: UInt64, highestSeen: UInt64)
  /// This computer's note of the newest copy seen could not be read or was not written by
  /// this vault; a fresh one was started from the file as it is now.
  case deviceStateReplaced

  /// One calm line for the user.
  public var description: String {
    switch self {
    case .rolledBack(let current, let seen):
      "this vault file is older than one this computer has seen before (change \(current), earlier seen \(seen)); it may have been replaced by an older copy, so it is read-only for now"
    case .deviceStateReplaced:
      "this computer's record of the vault's newest version could not be read, so a new one was started"
    }
  }
}
