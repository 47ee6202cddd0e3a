import LetterVault

/// Exit codes and hints for every library error: the README's table, in one switch.
extension VaultError {
  var exitCode: Int32 {
    switch self {
    case .invalidInput: 64
    case .damaged, .unsupportedVersion, .kdfCostTooHigh: 65
    case .importRefused: 65
    case .vaultNotFound, .letterNotFound, .ambiguousID: 66
    case .notAllowed, .rolledBack, .keyCacheUnavailable: 69
    case .deliveryUnresolved: 69
    case .outputExists: 73
    case .deliveryFailed: 74
    case .vaultAlreadyExists: 73
    case .io, .unsafeFile, .outOfMemory: 74
    case .notYet, .busy: 75
    case .wrongPassphrase, .wrongRecoveryKey: 77
    case .cryptoUnavailable: 1
    case .fingerprintMismatch: 69
    case .recipientNotFound: 66
    case .recipientNameTaken: 64
    case .syncFailed(let problem): problem.exitCode
    }
  }

  var hint: String? {
    switch self {
    case .vaultNotFound: "create one with `letters init`, or name another with --vault"
    case .letterNotFound: "`letters list` shows every letter and its id"
    case .damaged:
      "other letters can still be read: `letters export --format md --skip-damaged -o copy.md` saves every one that can, and `letters verify` names everything damaged"
    case .wrongPassphrase:
      "nothing was changed; take your time and try again. If you are sure of it, the key slot may be damaged, and a recovery key still opens the vault (`letters passwd --recovery`)"
    case .fingerprintMismatch:
      "re-read it with `letters show ID`: the fingerprint is in its header, and changes with every edit"
    case .unsafeFile(let path, _): UnsafeFileHint.text(for: path)
    case .wrongRecoveryKey: "nothing was changed; the passphrase still works if you remember it"
    case .rolledBack:
      "if you restored this copy on purpose, `letters verify --accept-rollback` makes it the current one"
    case .outputExists: "choose another name, or add --force to replace it"
    case .deliveryFailed(let letter, _):
      "check the mail command (`letters delivery`), then send it again with `letters send \(letter)`; if you send it yourself, `letters send \(letter) --by-hand`"
    case .deliveryUnresolved(let letter, _):
      "check your sent mail; if it arrived, `letters send \(letter) --by-hand` records it as sent; if not, `letters send \(letter) --retry` sends it again. It stays held until you decide"
    case .recipientNotFound: "`letters recipient list` shows who is there; `letters recipient add` adds someone"
    case .recipientNameTaken: "choose another name; `letters recipient list` shows the names in use"
    case .syncFailed(let problem): problem.hint
    default: nil
    }
  }
}
