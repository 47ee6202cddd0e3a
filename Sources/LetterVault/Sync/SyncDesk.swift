import VaultRecords
/// Copies of the vault: a checked backup and the merge of a copy used on another computer
/// (ARCHITECTURE.md "Services (LetterVault)"; FORMAT.md §16).
struct SyncDesk: VaultService {
  let context: VaultContext
}
