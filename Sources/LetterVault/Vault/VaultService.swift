import VaultRecords
/// One concern of the library (writing letters, the brake, keys, search, exchange, sync)
/// over the shared ``VaultContext`` (ARCHITECTURE.md "Services (LetterVault)"). A service is a small value
/// made on demand; it keeps no state of its own.
protocol VaultService {
  var context: VaultContext { get }
  init(context: VaultContext)
}

extension VaultService {
  init(_ context: VaultContext) { self.init(context: context) }

  var path: String { context.path }
  var records: RecordStore { context.records }
  var clock: any VaultClock { context.clock }
  var unlockState: VaultUnlockState { context.unlockState }
  var cipher: RecordCipher { records.cipher }
  var database: VaultDatabase { records.database }
  var random: any RandomSource { records.cipher.random }
  var vaultID: [UInt8] { records.cipher.vaultID }

  /// The wall clock and the boot clock, read together (COOLING-OFF.md "The clock").
  func clockReading() -> ClockReading {
    ClockReading(wall: clock.now().storedMilliseconds, boot: clock.boot(), doubt: clock.doubt())
  }

  /// Runs `change` in one write transaction with the manifest loaded, then stores the
  /// manifest with the next epoch (FORMAT.md §10 "every write bumps the epoch"). Every
  /// change of the vault goes through here.
  ///
  /// Refused while the file looks rolled back; afterwards the device watermark is raised
  /// (Watermark.swift). Every write observes the clock first (ClockKeeper.swift).
  func mutate<T>(_ change: (RecordTransaction, inout Manifest) throws -> T) throws(VaultError) -> T {
    let watermark = Watermark(context)
    try watermark.ensureWritable()
    var epoch: UInt64 = 0
    let result = try records.write { tx in
      var manifest = try tx.loadManifest()
      try ClockKeeper(context).observeClock(in: tx, manifest: &manifest)
      let result = try change(tx, &manifest)
      manifest.epoch += 1
      manifest.writtenAt = clock.now().storedMilliseconds
      try tx.storeManifest(manifest, replacingEpoch: manifest.epoch - 1)
      epoch = manifest.epoch
      return result
    }
    watermark.noteEpoch(epoch)
    return result
  }
}
