import VaultRecords
import Foundation

/// What a shell may offer while completing a command line (`letters show 3f<TAB>`).
///
/// Both reads open the file read-only: they never ask for a passphrase, never write (no clock
/// evidence, no device record, no jotted letters brought in), and they leave the cache as it
/// is. A shell calls them on every Tab, so they must be quick and quiet; callers treat any
/// error as "nothing to offer".
extension LetterDesk {
  static func letterIDs(at path: String, startingWith prefix: String = "")
    throws(VaultError) -> [LetterID]
  {
    let database = try VaultError.translating(path: path) { try VaultDatabase.open(at: path, readOnly: true) }
    return try VaultError.translating(path: path) { try database.letterIDs(hexPrefix: prefix.lowercased()).map(LetterID.init(bytes:)).sorted { $0.description < $1.description } }
  }

  static func cachedRecipientNames(at path: String, cache: KeyCache?, lettersToo: Bool = true)
    throws(VaultError) -> [String]
  {
    guard let cache else { return [] }
    try VaultError.translating { try Sodium.ensureReady() }
    let database = try VaultError.translating(path: path) { try VaultDatabase.open(at: path, readOnly: true) }
    let vaultID = try VaultError.translating(path: path) { try database.vaultID() }
    guard let cached = cache.load(vaultID: vaultID) else { return [] }
    let cipher = RecordCipher(vaultID: vaultID, masterKey: cached.masterKey, random: SystemRandom())
    let vault = Vault(path: path, database: database, cipher: cipher, clock: SystemClock())
    let listing = lettersToo ? try vault.list().letters : []
    let ruled = try vault.records.read { tx in
      try tx.loadSettings(manifest: try tx.loadManifest()).recipients
    }.map(\.name)
    var seen = Set<String>()
    var names: [String] = []
    for name in ruled + listing.map(\.recipient) where !name.isEmpty {
      if seen.insert(name.lowercased()).inserted { names.append(name) }
    }
    return names.sorted { $0.lowercased() < $1.lowercased() }
  }
}
