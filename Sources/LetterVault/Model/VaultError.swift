import VaultRecords
import Foundation

/// Every error LetterVault throws (FORMAT.md §11 "Error classification").
///
/// Each case carries facts (ids, paths, dates, a ``Refusal`` or ``InvalidInput`` reason), never
/// a sentence: the command line words them, with hints and exit codes, in one place
/// (ARCHITECTURE.md "Errors carry facts"). No case holds key material or letter text.
public enum VaultError: Error, Equatable, Sendable {
  /// No vault exists at the path.
  case vaultNotFound(path: String)
  /// A vault (or another file) already exists at the path.
  case vaultAlreadyExists(path: String)
  /// The passphrase did not unwrap the master key.
  case wrongPassphrase
  /// No letter has this id or id prefix.
  case letterNotFound(String)
  /// More than one letter starts with this prefix.
  case ambiguousID(String, matches: Int)
  /// Stored bytes failed authentication or did not parse. Each entry names what.
  case damaged([Damage])
  /// The vault was written by an unknown format version.
  case unsupportedVersion(Int)
  /// A keyslot asks for more key-derivation work than this version accepts.
  case kdfCostTooHigh
  /// The vault file is not safe to use (symlink, owned by another user, writable by others).
  case unsafeFile(path: String, reason: String)
  /// The operating system refused a file operation.
  case io(path: String, reason: String)
  /// Another process held the vault for too long.
  case busy
  /// The input cannot be stored as given (not UTF-8, too long, empty).
  case invalidInput(InvalidInput)
  /// The letter is in a state where this cannot be done (a sent letter cannot be edited).
  case notAllowed(Refusal)
  /// Not yet: cooling-off or quiet hours. The letter is safe and can be sent after `until`.
  case notYet(until: Date, why: ReleaseWait)
  /// Memory for key derivation could not be allocated.
  case outOfMemory
  /// libsodium is missing, failed to initialise, or is older than 1.0.18.
  case cryptoUnavailable
  /// The recovery key did not unwrap the master key (or there is no recovery key).
  case wrongRecoveryKey
  /// The vault is older than the newest copy this device has seen (the whole file was
  /// replaced by an older one); writing is refused until the user accepts it.
  case rolledBack(currentEpoch: UInt64, highestSeen: UInt64)
  /// The time-limited unlock cannot be used here (no kernel keyring, or it refused).
  case keyCacheUnavailable(String)
  /// An export would overwrite an existing file (pass `replacing` / `--force` to allow it).
  case outputExists(path: String)
  /// Some files given to import could not be read as letters; nothing was imported.
  case importRefused([ImportProblem])
  /// The mail command did not accept the letter; it stays held, with the reason recorded.
  case deliveryFailed(letter: String, reason: String)
  /// A delivery was started but its outcome was never recorded (the process stopped while the
  /// mail command ran). It may or may not have gone out, so letters will not send it again
  /// until the writer says which.
  case deliveryUnresolved(letter: String, startedAt: Date)
  /// The fingerprint given to confirm a release is not the letter's current one (it was
  /// mistyped, or the letter changed since it was read). Nothing was sent.
  case fingerprintMismatch(String)
  /// No recipient is called this (docs/COOLING-OFF.md "Correcting a recipient").
  case recipientNotFound(String)
  /// The name belongs to a recipient already, as their name or as one they had before a
  /// rename; `holder` is what they are called now. Nothing was changed.
  case recipientNameTaken(String, holder: String)
  /// `letters sync` could not fetch, merge or push (README "Two computers"). The vault is
  /// as it was before the step that failed.
  case syncFailed(SyncProblem)
}
