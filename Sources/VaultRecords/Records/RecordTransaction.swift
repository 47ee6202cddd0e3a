/// One SQLite transaction over the vault's records, with the cipher that seals and opens them
/// (ARCHITECTURE.md "The record layer and below"). Everything above it reads and writes records
/// (META, BODY, NOTE, SETTINGS, MANIFEST, LISTING, TEXT INDEX, keyslots, captures) through
/// its methods: the checks of FORMAT.md §7 happen here, once, whoever asks.
package struct RecordTransaction {
  let session: StorageSession
  package let cipher: RecordCipher

  init(session: StorageSession, cipher: RecordCipher) {
    self.session = session
    self.cipher = cipher
  }
}
