import VaultRecords
import Foundation

/// The public calls of ``LetterDesk``, forwarded (ARCHITECTURE.md "Services (LetterVault)").
extension Vault {
  // MARK: - LetterDesk


  /// Saves a new draft and returns its id.
  public func write(_ draft: LetterDraft) throws(VaultError) -> LetterID {
    try letterDesk.write(draft)
  }

  /// Saves a new revision. `nil` keeps that part as it is; the text is copied forward.
  ///
  /// A sent letter is never changed. Editing a held letter keeps it held, and a pending send
  /// request starts its cooling-off again from now (COOLING-OFF.md "The rules").
  ///
  /// `basedOn` is the revision the new text was made from (the one an editor opened): when
  /// the letter has moved past it in the meantime, nothing is saved and
  /// ``Refusal/changedSinceRead(_:revision:)`` says so, so that no revision is buried unseen.
  public func edit(
    _ id: LetterID, body: [UInt8]? = nil, recipient: String? = nil, subject: String? = nil,
    tags: [String]? = nil, basedOn: Int? = nil
  ) throws(VaultError) {
    try letterDesk.edit(id, body: body, recipient: recipient, subject: subject, tags: tags, basedOn: basedOn)
  }

  /// The letter with its current text and fingerprint.
  public func letter(_ id: LetterID) throws(VaultError) -> Letter {
    try letterDesk.letter(id)
  }

  /// The letter, to be changed: refused for a sent letter, whose text is kept as it went
  /// (so `letters edit` never opens an editor on text it may not save).
  public func letterToEdit(_ id: LetterID) throws(VaultError) -> Letter {
    let letter = try letterDesk.letter(id)
    guard letter.summary.state != .sent else { throw .notAllowed(.sentTextIsKept(id)) }
    return letter
  }

  /// Finds the one letter whose id starts with `prefix` (at least 4 hex characters).
  public func resolve(_ prefix: String) throws(VaultError) -> LetterID {
    try letterDesk.resolve(prefix)
  }

  /// Puts a draft away: draft → held. `reviewOn` is a reminder to look at it again. A send
  /// request already made stays (withdrawing it is ``cancelSend(_:)``'s); returns true when
  /// one does, read in the same write, so the caller can say so.
  @discardableResult
  public func hold(_ id: LetterID, reviewOn: Date? = nil) throws(VaultError) -> Bool {
    try letterDesk.hold(id, reviewOn: reviewOn)
  }

  /// Revisions, state changes and notes, oldest first.
  public func history(_ id: LetterID) throws(VaultError) -> [HistoryEntry] {
    try letterDesk.history(id)
  }

  /// Saves `drafts` as new letters in one transaction, each written at its `created` time (a
  /// corpus spans years); those with `held` set are stored held, as `hold` would leave them.
  /// Returns the ids in the same order.
  @_spi(Bulk)
  public func write(batch drafts: [(draft: LetterDraft, created: Date, held: Bool)]) throws(VaultError)
    -> [LetterID] {
    try letterDesk.write(batch: drafts)
  }

  /// Seals `draft` into the vault at `path` without unlocking it. Nothing in the vault is
  /// read except its public capture key; nothing can be decrypted.
  public static func jot(
    _ draft: LetterDraft, at path: String, clock: any VaultClock = SystemClock()
  ) throws(VaultError) {
    try LetterDesk.jot(draft, at: path, clock: clock)
  }

  /// Turns every sealed capture into a draft with its original time, in one transaction.
  /// Returns the new ids, and the captures that could not be opened (left in place).
  @discardableResult
  public func acceptCaptures() throws(VaultError) -> (accepted: [LetterID], unreadable: [Damage]) {
    try letterDesk.acceptCaptures()
  }

  /// The ids of the letters in the vault at `path` whose hex form starts with `prefix`.
  ///
  /// No key is needed: letter ids are the `object_id` column, stored in clear (FORMAT.md
  /// §8.1), as anyone with a copy of the file can see. Nothing about the letters is read.
  public static func letterIDs(at path: String, startingWith prefix: String = "")
    throws(VaultError) -> [LetterID] {
    try LetterDesk.letterIDs(at: path, startingWith: prefix)
  }

  /// The names of the people written to (letters' recipients and recipients with their own
  /// rules; only the latter with `lettersToo` false), sorted — only while `cache` holds this
  /// vault's key (`letters unlock`). Without a cached key the result is empty: names are
  /// encrypted, and a completion never asks.
  public static func cachedRecipientNames(at path: String, cache: KeyCache?, lettersToo: Bool = true)
    throws(VaultError) -> [String] {
    try LetterDesk.cachedRecipientNames(at: path, cache: cache, lettersToo: lettersToo)
  }

  /// Sets `newPassphrase` and re-keys the vault in one transaction (FORMAT.md §15.7): a new
  /// master key, a new key for every letter (every text and note sealed again) and a new
  /// capture pair, so no old keyslot, cached key or old passphrase opens anything written
  /// afterwards. The new keyslot replaces every passphrase slot, so exactly one passphrase
  /// works. A recovery key is kept only when the vault was opened with it (it alone can wrap
  /// the new key); otherwise it is removed (see ``RekeyReport``).
  ///
  /// - Parameters:
  ///   - kdf: the new slot's cost; nil keeps the current passphrase slot's.
  ///   - progress: told how many letters have been sealed again.
  @discardableResult
  public func changePassphrase(
    to newPassphrase: Passphrase, kdf: KDFParameters? = nil, progress: ProgressHandler? = nil
  ) throws(VaultError) -> RekeyReport {
    try keyDesk.changePassphrase(to: newPassphrase, kdf: kdf, progress: progress)
  }

  /// Checks the SQLite structure, every keyslot, the index, the settings, every letter's
  /// metadata and every stored revision and note. Returns everything found damaged.
  ///
  /// - Parameter progress: told how many letters have been checked.
  public func verify(progress: ProgressHandler? = nil) throws(VaultError) -> [Damage] {
    try letterDesk.verify(progress: progress)
  }

  /// Counts by state, what is due, and delivery problems.
  public func status() throws(VaultError) -> VaultStatus {
    try letterDesk.status()
  }

  /// Appends a note to any letter, sent ones included.
  public func addNote(_ id: LetterID, text: String) throws(VaultError) {
    try letterDesk.addNote(id, text: text)
  }

  /// Every note on a letter, oldest first.
  public func notes(_ id: LetterID) throws(VaultError) -> [LetterNote] {
    try letterDesk.notes(id)
  }

  /// Every name a letter may be addressed to that this vault knows: the recipients with rules
  /// first, then those of letters, each once.
  public func recipientNames() throws(VaultError) -> [String] {
    try letterDesk.recipientNames()
  }

  /// What `typed` means among ``recipientNames()`` (``RecipientMatch``).
  public func matchRecipient(_ typed: String) throws(VaultError) -> RecipientMatch {
    try letterDesk.matchRecipient(typed)
  }
}
