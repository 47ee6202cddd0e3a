import VaultRecords
/// The keys of an open vault: the passphrase and recovery keyslots, the kernel key cache, and
/// burn with its re-key (ARCHITECTURE.md "Services (LetterVault)"; FORMAT.md §4, §15).
struct KeyDesk: VaultService {
  let context: VaultContext
}
