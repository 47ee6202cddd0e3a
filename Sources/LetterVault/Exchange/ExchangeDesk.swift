import VaultRecords
/// Decrypted copies out and letters in: export in every format and import of text, Markdown,
/// mail and JSON (ARCHITECTURE.md "Services (LetterVault)"; FORMAT.md §19).
struct ExchangeDesk: VaultService {
  let context: VaultContext
}
