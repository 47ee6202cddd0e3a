extension Vault {
  /// Runs `change` in one write transaction with the manifest loaded, then stores the
  /// manifest with the next epoch (FORMAT.md §10 "every write bumps the epoch").
  ///
  /// Refused while the file looks rolled back; afterwards the device watermark is raised
  /// (Vault+DeviceState.swift).
  func mutate<T>(_ change: (RecordTransaction, inout Manifest) throws -> T) throws(VaultError) -> T {
    try ensureWritable()
    var epoch: UInt64 = 0
    let result = try records.write { tx in
      var manifest = try tx.loadManifest()
      // Every write observes the clock first (COOLING-OFF.md; Vault+Clock.swift).
      try observeClock(in: tx, manifest: &manifest)
      let result = try change(tx, &manifest)
      manifest.epoch += 1
      manifest.writtenAt = clock.now().storedMilliseconds
      try tx.storeManifest(manifest, replacingEpoch: manifest.epoch - 1)
      epoch = manifest.epoch
      return result
    }
    noteEpoch(epoch)
    return result
  }
}
