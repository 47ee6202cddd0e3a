import Foundation

/// One damaged part of the vault, named so the user knows which letter it concerns.
public struct Damage: Equatable, Sendable, CustomStringConvertible {
  /// The letter concerned, or nil for vault-wide records (keyslots, settings, index).
  public let letterID: String?
  /// Which part: "metadata", "text revision 3", "settings", "index", "vault file".
  public let part: String
  /// What was found, in plain words.
  public let reason: String

  /// Creates a damage report.
  public init(letterID: String?, part: String, reason: String) {
    self.letterID = letterID
    self.part = part
    self.reason = reason
  }

  /// A letter the manifest lists whose META row is not in the file.
  static func missingLetter(_ id: LetterID) -> Damage {
    Damage(letterID: id.description, part: "letter", reason: "listed in the vault index but missing from the file")
  }

  /// "letter 3f9ac1d2, text revision 4: stored data was changed or is damaged".
  public var description: String {
    if let letterID { return "letter \(letterID.prefix(8)), \(part): \(reason)" }
    return "\(part): \(reason)"
  }
}

/// Every error LetterVault throws (FORMAT.md §11 "Error classification").
///
/// Descriptions are lowercase, name the object, and never contain key material or letter text.
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
  case invalidInput(String)
  /// The letter is in a state where this cannot be done (a sent letter cannot be edited).
  case notAllowed(String)
  /// Not yet: cooling-off or quiet hours. The letter is safe and can be sent after `until`.
  case notYet(until: Date, reason: String)
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
}

extension VaultError: CustomStringConvertible {
  /// A one-line message in the voice of FORMAT.md §11.
  public var description: String {
    switch self {
    case .vaultNotFound(let path): "there is no vault at \(path)"
    case .vaultAlreadyExists(let path): "a vault already exists at \(path); it was left as it is"
    case .wrongPassphrase: "that passphrase did not open the vault (or its key slot is damaged)"
    case .letterNotFound(let id): "no letter has the id \(id)"
    case .ambiguousID(let id, let count): "\(count) letters start with \(id); type a few more characters"
    case .damaged(let damages):
      damages.count == 1
        ? "stored data was changed or is damaged: \(damages[0])"
        : "stored data was changed or is damaged in \(damages.count) places"
    case .unsupportedVersion(let version): "this vault uses format \(version), which this version of letters cannot read"
    case .kdfCostTooHigh: "the vault asks for more key-derivation work than letters accepts"
    case .unsafeFile(let path, let reason): "letters will not open \(path): \(reason)"
    case .io(let path, let reason): "cannot use \(path): \(reason)"
    case .busy: "another letters process is using the vault; try again in a moment"
    case .invalidInput(let reason): reason
    case .notAllowed(let reason): reason
    case .notYet(_, let reason): reason
    case .outOfMemory: "there was not enough memory to derive the key"
    case .cryptoUnavailable: "libsodium 1.0.18 or newer is needed and could not be loaded"
    case .wrongRecoveryKey: "that recovery key did not open the vault (it may have been removed or replaced)"
    case .rolledBack(let current, let seen):
      "this vault file is older than one this computer has seen before (change \(current), earlier seen \(seen)), so nothing will be written to it for now"
    case .keyCacheUnavailable(let reason): "the vault cannot stay unlocked here: \(reason)"
    case .outputExists(let path): "\(path) already exists; it was left as it is"
    case .importRefused(let problems):
      problems.count == 1
        ? "\(problems[0]); nothing was imported"
        : "\(problems.count) files could not be read as letters; nothing was imported"
    case .deliveryFailed(let letter, let reason):
      "letter \(letter) could not be delivered (\(reason)); it is still held and nothing was lost"
    case .deliveryUnresolved(let letter, _):
      "a delivery of letter \(letter) was started, but letters never learned whether it went out"
    case .fingerprintMismatch(let id):
      "that fingerprint is not the one of letter \(id) as it is now, so it was not sent"
    case .recipientNotFound(let name): "there is no recipient called \(name)"
    case .recipientNameTaken(let name, let holder):
      name.lowercased() == holder.lowercased()
        ? "\(holder) is already a recipient, so nothing was changed"
        : "\(name) was an earlier name of \(holder), and letters written to it still follow \(holder)'s rules, so nothing was changed"
    }
  }
}

extension VaultError {
  /// Runs `body`, turning any non-`VaultError` into `.io` (the storage layer already
  /// translates database errors; this is the last safety net at the public boundary).
  static func boundary<T>(_ body: () throws -> T) throws(VaultError) -> T {
    do { return try body() } catch let error as VaultError { throw error } catch {
      throw VaultError.io(path: "", reason: String(describing: type(of: error)))
    }
  }
}
