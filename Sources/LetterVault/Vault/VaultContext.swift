import VaultRecords
/// What the services of one open vault share: its file, its records, its clock and what
/// unlocking it found (ARCHITECTURE.md "Services (LetterVault)"). A class because two of these change while
/// the vault is open: burn replaces the key inside the ``RecordStore``, and the unlock state
/// learns of a rollback.
final class VaultContext {
  /// Where the vault file lives.
  let path: String
  let records: RecordStore
  let clock: any VaultClock
  /// How the vault was unlocked and what the device watermark said (Watermark.swift).
  let unlockState = VaultUnlockState()

  init(path: String, records: RecordStore, clock: any VaultClock) {
    self.path = path
    self.records = records
    self.clock = clock
  }
}
