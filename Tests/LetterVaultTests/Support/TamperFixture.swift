import Foundation

@testable import LetterVault
@testable import VaultRecords

/// A small vault (letters in every state, several revisions, a note) and everything that
/// can be read back from it, to compare a tampered copy against.
struct TamperFixture {
  /// Fast to unlock, so thousands of copies can be opened (the format's floor, 8 KiB).
  static let kdf = KDFParameters(opsLimit: 1, memLimit: 8192)
  static let clock = ManualClock()

  let directory: URL
  let original: [UInt8]
  let passphrase = Passphrase("correct horse battery staple")
  let baseline: Readback
  /// Where each letter's records start in the file (first 256 bytes, always on one page).
  let letterRanges: [(id: String, range: Range<Int>)]
  /// Where each keyslot's 128 bytes are.
  let keyslotRanges: [Range<Int>]

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("letters-tamper-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("vault.db").path
    let vault = try Vault.create(at: path, passphrase: passphrase, kdf: Self.kdf, clock: Self.clock)
    let first = try vault.write(
      LetterDraft(
        recipient: "Dr. Hale", subject: "Tuesday", tags: ["session"],
        text: "Dear Dr. Hale,\nthank you for today.\n"))
    Self.clock.advance(60)
    try vault.edit(
      first, body: Array("Dear Dr. Hale,\nthank you for today. I cried on the way home.\n".utf8))
    try vault.addNote(first, text: "I feel calmer now.")
    let second = try vault.write(
      LetterDraft(recipient: "Mum", text: String(repeating: "I miss you. ", count: 200)))
    try vault.hold(second)
    Self.clock.advance(60)
    _ = try vault.write(LetterDraft(text: "a short one"))
    try vault.edit(second, body: Array("shorter now".utf8))
    original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    baseline = try Readback(vault)
    var ranges: [(String, Range<Int>)] = []
    var slots: [Range<Int>] = []
    let rows = try vault.database.read { session in
      (try session.allObjects(), try session.keyslots())
    }
    for row in rows.0
    where row.objectID.count == 16 && row.field != FieldTag.settings.rawValue
      && row.field != FieldTag.manifest.rawValue && row.field != FieldTag.listing.rawValue
      && row.field != FieldTag.textIndex.rawValue && row.field != FieldTag.manifestBucket.rawValue
      && row.field != FieldTag.recent.rawValue && row.field != FieldTag.words.rawValue
    {
      if let start = Self.find(Array(row.envelope.prefix(256)), in: original) {
        ranges.append((LetterID(bytes: row.objectID).description, start..<start + 256))
      }
    }
    for slot in rows.1 {
      if let start = Self.find(slot.blob, in: original) { slots.append(start..<start + 128) }
    }
    letterRanges = ranges
    keyslotRanges = slots
  }

  /// `count` positions or more, spread over every 4 KiB stretch of the file that holds a
  /// non-zero byte, plus eight inside every letter record and keyslot the fixture located.
  ///
  /// Stretches of zeros are the free middle of a page (`secure_delete` zeroes freed space):
  /// with 16 KiB pages (FORMAT.md §8.2) a small vault is mostly that, and sampling it evenly
  /// left too few flips on records and none on a keyslot. The records themselves are always
  /// sampled, whatever the page size.
  func positions(count: Int, using random: inout SeededGenerator) -> [Int] {
    let stretches = Self.liveStretches(of: original)
    let perStretch = (count + stretches.count - 1) / stretches.count
    var chosen = Set<Int>()
    for stretch in stretches {
      var inStretch = Set<Int>()
      while inStretch.count < min(perStretch, stretch.count) {
        inStretch.insert(Int.random(in: stretch, using: &random))
      }
      chosen.formUnion(inStretch)
    }
    for range in letterRanges.map(\.range) + keyslotRanges {
      for _ in 0..<8 { chosen.insert(Int.random(in: range, using: &random)) }
    }
    return chosen.sorted()
  }

  /// The 4 KiB stretches of `bytes` (the last one shorter) holding at least one non-zero byte.
  static func liveStretches(of bytes: [UInt8]) -> [Range<Int>] {
    stride(from: 0, to: bytes.count, by: 4096).map { $0..<min(bytes.count, $0 + 4096) }
      .filter { stretch in bytes[stretch].contains { $0 != 0 } }
  }

  /// A non-zero XOR mask. Inside a keyslot's memlimit the mask stays small, so a flip cannot
  /// ask Argon2id for gigabytes (that is refused or slow by design, not what this tests).
  func mask(at position: Int, using random: inout SeededGenerator) -> UInt8 {
    for slot in keyslotRanges where (slot.lowerBound + 18...slot.lowerBound + 23).contains(position)
    {
      return UInt8.random(in: 1...3, using: &random)
    }
    return UInt8.random(in: 1...255, using: &random)
  }

  enum Outcome: Equatable {
    case harmless
    case damaged([Damage])
    case wrongPassphrase
    case refused(VaultError)
    case changedSilently
  }

  /// Writes the flipped copy and opens and reads all of it through the public API.
  func classify(flipping position: Int, mask: UInt8) -> Outcome {
    var bytes = original
    bytes[position] ^= mask
    let path = directory.appendingPathComponent("flipped.db").path
    try? FileManager.default.removeItem(atPath: path)
    try? FileManager.default.removeItem(atPath: path + "-journal")
    FileManager.default.createFile(
      atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
    do {
      let vault = try Vault.open(at: path, passphrase: passphrase, clock: Self.clock)
      let problems = try vault.verify()
      guard problems.isEmpty else { return .damaged(problems) }
      return try Readback(vault) == baseline ? .harmless : .changedSilently
    } catch VaultError.damaged(let damages) {
      return .damaged(damages)
    } catch VaultError.wrongPassphrase {
      return .wrongPassphrase
    } catch let error as VaultError {
      return .refused(error)
    } catch {
      return .refused(.io(path: "", reason: "\(error)"))
    }
  }

  func remove() { try? FileManager.default.removeItem(at: directory) }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0] && Array(haystack[start..<start + needle.count]) == needle {
      return start
    }
    return nil
  }
}

/// Everything a user can read: list, each letter (text and fingerprint), notes and history.
struct Readback: Equatable {
  var summaries: [LetterSummary]
  var letters: [Letter]
  var notes: [[LetterNote]]
  var history: [[HistoryEntry]]

  init(_ vault: Vault) throws {
    let listing = try vault.list()
    guard listing.damaged.isEmpty else { throw VaultError.damaged(listing.damaged) }
    summaries = listing.letters
    letters = try summaries.map { try vault.letter($0.id) }
    notes = try summaries.map { try vault.notes($0.id) }
    history = try summaries.map { try vault.history($0.id) }
  }
}
