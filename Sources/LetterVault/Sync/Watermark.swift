import VaultRecords
import Foundation

/// The device-local watermark (SECURITY.md §2.4; FORMAT.md §15.3): the highest
/// manifest epoch this computer has seen, MAC'd with `K_local`. A file whose epoch is lower
/// was replaced by an older copy; the vault then refuses writes until the user accepts it.
///
/// It lives outside the vault and is updated without writing the vault. Deleting it removes
/// the warning: this is the only rollback signal possible without a trusted counter.
struct Watermark: VaultService {
  let context: VaultContext

  var warnings: [VaultWarning] { unlockState.warnings }

  var isReadOnly: Bool { unlockState.rollback != nil }

  func acceptRollback() throws(VaultError) {
    let epoch = try records.read { tx in try tx.loadManifest().epoch }
    try writeWatermark(epoch)
    unlockState.rollback = nil
    unlockState.warnings.removeAll {
      if case .rolledBack = $0 { return true }
      return false
    }
  }

  // MARK: - Internal

  var deviceStatePath: String? {
    unlockState.stateDirectory.map { $0 + "/" + Hex.encode(vaultID) + ".state" }
  }

  /// After unlock: compares the manifest epoch with the watermark. A damaged manifest is
  /// left for the record checks to report, so `verify` can still open the vault.
  ///
  /// A watermark whose MAC does not check (for example written before a burn re-keyed the
  /// vault, and the file then rolled back to a copy from before it) still counts when it is
  /// higher: forging one only causes a warning, while ignoring it would hide a rollback.
  func checkDeviceState() {
    guard let epoch = try? records.read({ tx in try tx.loadManifestEpoch() })
    else { return }
    let seen = readWatermark()
    if let seen, epoch < seen.epoch {
      unlockState.rollback = (epoch, seen.epoch)
      unlockState.warnings.append(.rolledBack(currentEpoch: epoch, highestSeen: seen.epoch))
    } else if seen?.epoch != epoch || seen?.authentic != true {
      try? writeWatermark(epoch)
    }
  }

  /// Called after every committed write: raises the watermark, never lowers it.
  func noteEpoch(_ epoch: UInt64) {
    if let seen = readWatermark(), seen.authentic, seen.epoch >= epoch { return }
    try? writeWatermark(epoch)
  }

  /// Throws while the file looks rolled back.
  func ensureWritable() throws(VaultError) {
    if let rollback = unlockState.rollback {
      throw .rolledBack(currentEpoch: rollback.current, highestSeen: rollback.seen)
    }
  }

  /// The stored epoch when the file exists and names this vault; `authentic` when its MAC
  /// checks under this vault's `K_local`. A file that does not parse is reported once.
  private func readWatermark() -> (epoch: UInt64, authentic: Bool)? {
    guard let path = deviceStatePath, let bytes = DeviceStateFile.contents(of: path) else {
      return nil
    }
    guard let (state, mac) = try? DeviceState.parse(bytes), state.vaultID == vaultID else {
      if !unlockState.warnings.contains(.deviceStateReplaced) {
        unlockState.warnings.append(.deviceStateReplaced)
      }
      return nil
    }
    let expected = Hash.blake2b(state.authenticatedBytes, key: cipher.localKey)
    return (state.highestEpoch, expected == mac)
  }

  private func writeWatermark(_ epoch: UInt64) throws(VaultError) {
    guard let path = deviceStatePath else { return }
    let state = DeviceState(
      vaultID: vaultID, highestEpoch: epoch, writtenAt: clock.now().storedMilliseconds)
    let mac = Hash.blake2b(state.authenticatedBytes, key: cipher.localKey)
    try VaultError.translating(path: path) { try DeviceStateFile.replace(path, with: state.serialized(mac: mac)) }
  }
}

extension RecordCipher {
  /// `K_local`: the MAC key of the device-local state file (FORMAT.md §4).
  var localKey: SecretBytes { KeyDerivation.derive(id: 1, context: "LVlocal1", from: masterKey) }
}
