/// Whether a master key is the vault's current one (FORMAT.md §4.2): a keyslot left from
/// before a re-key (`passwd`, `recovery remove`, burn), put back into the file, still opens
/// the old master key, which authenticates neither the MANIFEST nor the SETTINGS.
extension RecordStore {
  /// True when this store's key opens the MANIFEST or, should that be damaged, the SETTINGS.
  /// Only when both fail is the key taken for a retired one (a wrong passphrase, exit 77).
  package func keyOpensVault() -> Bool {
    if (try? readTransaction({ tx in try tx.loadManifestEpoch() })) != nil { return true }
    return (try? readTransaction({ tx in try tx.loadSettings(manifest: nil) })) != nil
  }
}
