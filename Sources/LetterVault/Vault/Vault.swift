import VaultRecords
import Foundation

/// An open, unlocked vault: the public entry point of LetterVault.
///
/// ```swift
/// let vault = try Vault.create(at: path, passphrase: Passphrase("correct horse battery"))
/// let id = try vault.write(LetterDraft(recipient: "Dr. Hale", text: "Dear …"))
/// print(try vault.letter(id).body)
/// ```
///
/// Every method is one SQLite transaction: it happens completely or not at all. The vault
/// never prints and never exits; failures are ``VaultError``s.
public final class Vault: VaultService {
  /// Where the vault file lives.
  public var path: String { context.path }
  /// The file, the key and the clock every service works with (ARCHITECTURE.md "Services (LetterVault)").
  let context: VaultContext

  init(context: VaultContext) { self.context = context }

  convenience init(path: String, database: VaultDatabase, cipher: RecordCipher, clock: any VaultClock) {
    self.init(
      context: VaultContext(
        path: path, records: RecordStore(database: database, cipher: cipher), clock: clock))
  }

  var letterDesk: LetterDesk { LetterDesk(context) }
  var searchDesk: SearchDesk { SearchDesk(context) }
  var sendDesk: SendDesk { SendDesk(context) }
  var clockKeeper: ClockKeeper { ClockKeeper(context) }
  var deliveryDesk: DeliveryDesk { DeliveryDesk(context) }
  var exchangeDesk: ExchangeDesk { ExchangeDesk(context) }
  var keyDesk: KeyDesk { KeyDesk(context) }
  var syncDesk: SyncDesk { SyncDesk(context) }
  var watermark: Watermark { Watermark(context) }

  // MARK: - Create and open (FORMAT.md §10.1, §10.2)

  /// Refuses, before any work, a place ``create(at:passphrase:kdf:timeZone:coolingOff:quietHours:clock:random:)``
  /// would refuse or that no later open would accept: something already there, or a folder
  /// others may write (FORMAT.md §8.3). `init` asks this before it asks for a passphrase.
  public static func checkPlace(forNewVaultAt path: String) throws(VaultError) {
    try VaultError.translating(path: path) { try FileSafety.checkPlaceForNewVault(path) }
  }

  /// Creates a new vault file at `path`, failing if anything exists there.
  ///
  /// - Parameters:
  ///   - kdf: Argon2id cost for the passphrase keyslot; ``KDFParameters/moderate`` by default.
  ///   - timeZone: the zone quiet hours are evaluated in, stored inside the vault.
  ///   - coolingOff: the default period (1 minute to 366 days) instead of 24 hours. There is
  ///     no letter yet, so nothing is loosened (docs/COOLING-OFF.md "The rules").
  ///   - quietHours: the quiet window instead of 22:00–07:00 (``QuietHours/off`` for none).
  public static func create(
    at path: String, passphrase: Passphrase, kdf: KDFParameters = .moderate,
    timeZone: TimeZone = .current, coolingOff: TimeInterval? = nil,
    quietHours: QuietHours? = nil, clock: any VaultClock = SystemClock(),
    random: any RandomSource = SystemRandom()
  ) throws(VaultError) -> Vault {
    if let coolingOff, !SendDesk.periodRange.contains(coolingOff) {
      throw .invalidInput(.periodOutOfRange)
    }
    try checkPlace(forNewVaultAt: path)
    try VaultError.translating { try Sodium.ensureReady() }
    let vaultID = random.bytes(FormatConstant.vaultIDByteCount)
    let masterKey = SecretBytes.random(count: FormatConstant.keyByteCount, from: random)
    let (slot, kek) = try VaultError.translating(path: path) {
      try Keyslot.wrapKeepingKey(
        masterKey, kind: .passphrase, secret: passphrase.secret.value, kdf: kdf, vaultID: vaultID,
        random: random)
    }
    let database = try VaultError.translating(path: path) { try VaultDatabase.create(at: path) }
    let cipher = RecordCipher(vaultID: vaultID, masterKey: masterKey, random: random)
    let vault = Vault(path: path, database: database, cipher: cipher, clock: clock)
    let now = clock.now().storedMilliseconds
    do {
      try vault.records.write { tx in
        try tx.insertVault(id: vaultID)
        try tx.putKeyslot(id: random.bytes(8), blob: slot.bytes)
        var settings = VaultSettings(timeZoneIdentifier: timeZone.identifier)
        if let coolingOff { settings.policy.coolingOffSeconds = UInt64(coolingOff) }
        if let quietHours {
          settings.policy.quietStartMinute = UInt16(quietHours.startMinute)
          settings.policy.quietEndMinute = UInt16(quietHours.endMinute)
        }
        let capture = SealedBox.keyPair()
        settings.captureSecretKey = capture.secretKey.withUnsafeBytes { Array($0) }
        try tx.setCapturePublicKey(capture.publicKey)
        _ = settings.cooling.observe(vault.clockReading())  // the first clock evidence (COOLING-OFF.md)
        let settingsHash = try tx.storeSettings(settings, epoch: 1)
        let manifest = Manifest(epoch: 1, writtenAt: now, entries: [:], settingsHash: settingsHash)
        try tx.storeManifest(manifest, replacingEpoch: nil)
      }
    } catch {
      try? FileManager.default.removeItem(atPath: path)
      throw error
    }
    vault.unlockState.passphraseKey = kek
    vault.watermark.noteEpoch(1)
    return vault
  }

  /// Opens the vault at `path` with `passphrase`.
  ///
  /// Throws ``VaultError/wrongPassphrase`` without touching any record when no keyslot opens;
  /// the file is not written by a failed attempt.
  public static func open(
    at path: String, passphrase: Passphrase, clock: any VaultClock = SystemClock(),
    random: any RandomSource = SystemRandom()
  ) throws(VaultError) -> Vault {
    let (vault, opened) = try unlock(
      at: path, kind: .passphrase, secret: passphrase.secret.value, clock: clock, random: random)
    vault.unlockState.passphraseKey = opened.keyEncryptionKey
    vault.noticeOnOpen()
    return vault
  }

  /// Opens the file and unwraps the master key with a keyslot of `kind` (FORMAT.md §4.2).
  static func unlock(
    at path: String, kind: Keyslot.Kind, secret: SecretBytes, clock: any VaultClock,
    random: any RandomSource
  ) throws(VaultError) -> (Vault, Keyslot.Opened) {
    try VaultError.translating { try Sodium.ensureReady() }
    let database = try VaultError.translating(path: path) { try VaultDatabase.open(at: path) }
    let (vaultID, slots) = try VaultError.translating(path: path) { try database.header() }
    guard vaultID.count == FormatConstant.vaultIDByteCount else {
      throw VaultError.damaged([Damage(letterID: nil, part: .vaultFile, reason: "vault id")])
    }
    let opened = try VaultError.translating(path: path) {
      try Keyslot.unlockKeepingKey(
        slots, kind: kind, secret: secret, vaultID: vaultID
      ) { masterKey in
        RecordStore(
          database: database, cipher: RecordCipher(vaultID: vaultID, masterKey: masterKey, random: random)
        ).keyOpensVault()
      }
    }
    let cipher = RecordCipher(vaultID: vaultID, masterKey: opened.masterKey, random: random)
    return (Vault(path: path, database: database, cipher: cipher, clock: clock), opened)
  }

  /// What every open checks once the key is known, however it was unlocked: the device
  /// watermark (Watermark.swift), the clock (docs/COOLING-OFF.md "When the vault writes") and
  /// the jot key (FORMAT.md §6.5). Each only notes what it finds; none refuses the open.
  func noticeOnOpen() {
    watermark.checkDeviceState()
    // One read for the clock and the jot key (each opened the manifest's root and the
    // SETTINGS on its own before, docs/PERFORMANCE.md round 7), of the root only. A damaged
    // root or SETTINGS is named by the command that meets it, not here; with a damaged root
    // the SETTINGS are read unchecked for the jot key (`readableManifest`), and the clock
    // waits for the next write.
    let seen = try? records.read { tx in
      let manifest = try tx.readableManifest()
      let settings = try tx.loadSettings(manifest: manifest)
      return (
        clockChanged: manifest != nil && clockKeeper.clockChanged(since: settings),
        captureKey: (try? tx.captureKeyDamage(settings)) ?? nil
      )
    }
    if seen?.clockChanged == true { clockKeeper.recordClockChanges() }
    letterDesk.noticeCaptureKey(seen?.captureKey)
    syncDesk.noticeConflictCopies()
  }

  /// The libsodium version in use, e.g. "1.0.18".
  public static var sodiumVersion: String { Sodium.versionString }
}
