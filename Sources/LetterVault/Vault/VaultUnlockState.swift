import VaultRecords
import Foundation

/// What an open vault remembers about how it was unlocked and what this device's state file
/// said. A class so the `Vault` facade can update it from extensions.
final class VaultUnlockState {
  /// The key-encryption key of the passphrase slot that opened (or created) the vault, kept
  /// in guarded memory so burn can re-wrap a new master key (FORMAT.md §15.4).
  var passphraseKey: SecretBytes?
  /// The key-encryption key of the recovery slot that opened the vault, so `passwd --recovery`
  /// can re-wrap the new master key for the same recovery key (FORMAT.md §15.7).
  var recoveryKeyKey: SecretBytes?
  /// Set when the master key came from the kernel keyring: when that entry expires.
  var cachedUntil: Date?
  var warnings: [VaultWarning] = []
  /// Set when the file is older than the device watermark; writes are refused meanwhile.
  var rollback: (current: UInt64, seen: UInt64)?
  /// Where this device keeps its `<vault_id>.state` files; nil turns the watermark off.
  let stateDirectory: String?

  init(stateDirectory: String? = DeviceStateFile.defaultDirectory()) {
    self.stateDirectory = stateDirectory
  }
}
