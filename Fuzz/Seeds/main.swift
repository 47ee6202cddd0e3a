// Writes the seed corpus (Fuzz/Corpus/<target>/): one valid record of each kind and a few
// edge cases. Run by `scripts/fuzz --seeds`; the output is committed, so CI never runs this.
import Foundation

let root = CommandLine.arguments.dropFirst().first ?? "Fuzz/Corpus"

func save(_ target: String, _ name: String, _ bytes: [UInt8]) {
  let directory = "\(root)/\(target)"
  try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  _ = FileManager.default.createFile(atPath: "\(directory)/\(name)", contents: Data(bytes))
}

func filled(_ count: Int, _ value: UInt8) -> [UInt8] { [UInt8](repeating: value, count: count) }

let slot = Keyslot(
  kind: .passphrase, opsLimit: 2, memLimit: 64 << 20, salt: filled(16, 1), vaultID: filled(16, 2),
  nonce: filled(24, 3), wrappedKey: filled(48, 4))
save("keyslot", "passphrase", slot.bytes)
var recovery = slot
recovery.kind = .recoveryKey
save("keyslot", "recovery", recovery.bytes)
save("keyslot", "short", Array(slot.bytes.prefix(100)))

for field in FieldTag.allCases {
  let sealed = Padding.pad(Array("hello".utf8), minimum: field.minimumBucket) + filled(16, 9)
  save(
    "envelope", "field-\(field.rawValue)",
    Envelope(field: field, nonce: filled(24, 5), sealed: sealed).bytes)
}
save("envelope", "padding-only", Padding.pad([], minimum: 16))

var meta = LetterMeta(
  state: .held, letterKey: filled(32, 7), now: 1_800_000_000_000, recipient: "Dr. Hale",
  subject: "Tuesday", tags: ["session", "grief"])
meta.revisions = [
  .init(number: 1, savedAt: 1_800_000_000_000, envelopeHash: filled(32, 8)),
  .init(number: 2, savedAt: 1_800_000_060_000, envelopeHash: filled(32, 9)),
]
meta.events = [
  .init(at: 1_800_000_000_000, kind: .created, revision: 1, detail: ""),
  .init(at: 1_800_000_060_000, kind: .held, revision: 2, detail: ""),
]
meta.noteCount = 1
save("meta", "held", meta.serialized())
meta.state = .sent
meta.sentAt = 1_800_000_090_000
meta.deliveryError = "msmtp: connection refused"
save("meta", "sent", meta.serialized())

// FORMAT.md §6.6, behind the bucket byte the row is read for.
let listing = ListingBucket(
  bucket: 0x2A,
  entries: [1, 2].map { index in
    ListingEntry(
      letterID: [0x2A] + filled(15, UInt8(index)), metaVersion: UInt64(index),
      metaHash: filled(32, UInt8(index)), meta: meta)
  })
save("listing", "two", [0x2A] + listing.serialized())
save("listing", "empty", [0x07] + ListingBucket(bucket: 0x07, entries: []).serialized())
// FORMAT.md §6.8, the RECENT record, fed to the same target behind any first byte.
save(
  "listing", "recent-two",
  [0x00] + RecentListing(complete: true, entries: listing.entries.sorted(by: RecentListing.precedes)).serialized())
save("listing", "recent-empty", [0x00] + RecentListing(complete: false, entries: []).serialized())

let signatures = SignatureBucket(
  bucket: 0x2A,
  entries: [1, 2].map { index in
    SignatureEntry(
      letterID: [0x2A] + filled(15, UInt8(index)), metaVersion: UInt64(index),
      metaHash: filled(32, UInt8(index)), bodyHash: filled(32, UInt8(index + 2)),
      signature: TextSignature(text: Array(String(repeating: "a letter \(index) ", count: index * 20).utf8)),
      fields: TextSignature(fields: ["Dr. Hale", "about \(index)", "grief"]))
  })
// Format 1 (no flags byte), as vaults from before the non-ASCII flag hold it, format 2 (no
// fields signatures) and format 3.
var formatOne = signatures
formatOne.format = 1
save("textindex", "two", [0x2A] + formatOne.serialized())
save("textindex", "empty", [0x07] + SignatureBucket(bucket: 0x07, entries: [], format: 1).serialized())
var formatTwo = signatures
formatTwo.format = 2
formatTwo.entries[1].signature = TextSignature(text: Array("Über den café, a letter".utf8))
save("textindex", "two-format2", [0x2A] + formatTwo.serialized())
save("textindex", "empty-format2", [0x07] + SignatureBucket(bucket: 0x07, entries: [], format: 2).serialized())
var formatThree = formatTwo
formatThree.format = 3
formatThree.entries[0].fields = TextSignature(fields: ["Zoë", "über den Winter", String(repeating: "tag", count: 400)])
save("textindex", "two-format3", [0x2A] + formatThree.serialized())
save("textindex", "empty-format3", [0x07] + SignatureBucket(bucket: 0x07, entries: []).serialized())
// FORMAT.md §6.9, the WORDS record, fed to the same target: one list kept, one not.
var lists = signatures.entries
lists[0].words = WordList(text: Array("Dear Sam, the lighthouse — über den café, the end".utf8))
lists[1].words = WordList(bytes: nil)
save("textindex", "words-two", [0x2A] + WordsBucket(bucket: 0x2A, quarter: 0, entries: lists.compactMap(\.wordsEntry)).serialized())
save("textindex", "words-empty", [0x07] + WordsBucket(bucket: 0x07, quarter: 3, entries: []).serialized())

let entries = (1...3).map { index in
  Manifest.Entry(
    letterID: filled(16, UInt8(index)), metaVersion: UInt64(index),
    metaHash: filled(32, UInt8(index)))
}
let manifest = Manifest(
  epoch: 7, writtenAt: 1_800_000_000_000,
  entries: Dictionary(uniqueKeysWithValues: entries.map { ($0.letterID, $0) }),
  settingsHash: filled(32, 0xAA))
save("manifest", "three", manifest.serializedFormat1())
save(
  "manifest", "empty",
  Manifest(epoch: 1, writtenAt: 0, entries: [:], settingsHash: filled(32, 0)).serializedFormat1())
let manifestRoot = ManifestRoot(
  epoch: 7, writtenAt: 1_800_000_000_000, settingsHash: filled(32, 0xAA),
  bucketHashes: [0x01: filled(32, 1), 0x02: filled(32, 2), 0xFF: filled(32, 3)])
save("manifestroot", "three", manifestRoot.serialized())
var pinningRoot = manifestRoot
pinningRoot.recentHash = filled(32, 4)
save("manifestroot", "three-recent", pinningRoot.serialized())
// Format 3: the same bytes under the format byte of vaults padded coarsely (FORMAT.md §5.3).
let coarseRoot = ManifestRoot(
  epoch: 7, writtenAt: 1_800_000_000_000, settingsHash: filled(32, 0xAA),
  bucketHashes: [0x01: filled(32, 1)], recentHash: filled(32, 4), version: Manifest.recentFormatVersion)
save("manifestroot", "one-recent-coarse", coarseRoot.serialized())
save(
  "manifestroot", "empty",
  ManifestRoot(epoch: 1, writtenAt: 0, settingsHash: filled(32, 0), bucketHashes: [:]).serialized())
let bucketEntries = (1...3).map { index in
  Manifest.Entry(
    letterID: [0x2A] + filled(15, UInt8(index)), metaVersion: UInt64(index), metaHash: filled(32, UInt8(index)))
}
save("manifestbucket", "three", [0x2A] + ManifestBucket(bucket: 0x2A, entries: bucketEntries).serialized())
save("manifestbucket", "one", [0x2A] + ManifestBucket(bucket: 0x2A, entries: [bucketEntries[0]]).serialized())

var settings = VaultSettings(timeZoneIdentifier: "Europe/Berlin")
save("settings", "default", settings.serialized())
settings.recipients = [
  .init(name: "Dr. Hale", email: "hale@example.org", coolingOffSeconds: 172_800)
]
settings.unlockCount = 3
save("settings", "recipient", settings.serialized())

// The importers target reads the first byte as the file kind: 0 .txt, 1 .md, 2 .eml, 3 .mbox,
// 4 .json (FuzzTargets.importers). The test fixtures are added too (scripts/fuzz --seeds).
save("importers", "text", [0] + Array("Subject: Tuesday\n\nDear Dr. Hale,\n".utf8))
save(
  "importers", "front-matter",
  [1] + Array("---\nto: Dr. Hale\nsubject: Tuesday\ndate: 2026-05-03 22:14\nstate: held\n---\nDear …\n".utf8))
save(
  "importers", "eml",
  [2] + Array("From: me@example.org\r\nTo: hale@example.org\r\nSubject: hi\r\n\r\nbody\r\n".utf8))
// A letters txt and md export of two letters (FORMAT.md §19 "Letters-Data lines"), the
// second holding a form feed and a thematic break and no final newline.
let exportedText =
  "Letters-Data: {\"bytes\":5,\"created\":\"2026-05-03T22:14:00.000+02:00\",\"id\":\"000102030405060708090a0b0c0d0e0f\",\"notes\":[{\"bytes\":3,\"date\":\"2026-05-04T22:14:00.000+02:00\"}],\"state\":\"held\",\"to\":\"Mum\",\"updated\":\"2026-05-04T22:14:00.000+02:00\"}\n"
  + "To: Mum\nWritten: 3 May 2026 22:14\nState: HELD\n\nDear\n\nNote, 4 May 2026 22:14:\nok\n\u{0C}\n"
  + "Letters-Data: {\"bytes\":9,\"created\":\"2026-05-05T22:14:00.000+02:00\",\"id\":\"101112131415161718191a1b1c1d1e1f\",\"state\":\"draft\",\"updated\":\"2026-05-05T22:14:00.000+02:00\"}\n"
  + "Written: 5 May 2026 22:14\nState: DRAFT, not sent\n\n\u{0C}\n---\nend\n"
save("importers", "export-txt", [0] + Array(exportedText.utf8))
save(
  "importers", "export-md",
  [1] + Array(
    ("<!-- Letters-Data: {\"bytes\":6,\"created\":\"2026-05-03T22:14:00.000+02:00\",\"id\":\"000102030405060708090a0b0c0d0e0f\",\"state\":\"held\",\"updated\":\"2026-05-03T22:14:00.000+02:00\"} -->\n"
      + "# To Mum\n\n- **Written:** 3 May 2026 22:14\n- **State:** HELD\n\n---\nx\n").utf8))
save(
  "importers", "jrnl",
  [4] + Array(#"{"entries":[{"date":"2026-05-03","time":"22:14","title":"t","body":"b"}]}"#.utf8))

// FORMAT.md §15.1: a printed key, one typed loosely (lower case, spaces, O for 0), one short.
let printedKey = RecoveryKeyText.format(key: (0..<20).map { UInt8($0 * 13) }, checksum: [0x12, 0x34])
save("recovery", "printed", Array(printedKey.utf8))
save("recovery", "loose", Array(printedKey.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "0", with: "o").utf8))
save("recovery", "short", Array(printedKey.prefix(20).utf8))

// FORMAT.md §8.1: the schema target's own two tables, then the same with a trigger planted.
func schemaRows(_ rows: [[String]]) -> [UInt8] {
  Array(rows.flatMap { $0 }.joined(separator: "\u{0}").utf8)
}
let ourTables = [
  ["table", "vault", "vault", "CREATE TABLE vault (id INTEGER)"],
  ["table", "object", "object", "CREATE TABLE object (x BLOB)"],
]
save("schema", "ours", schemaRows(ourTables))
save(
  "schema", "trigger",
  schemaRows(ourTables + [["trigger", "keep", "object", "CREATE TRIGGER keep AFTER DELETE ON object BEGIN SELECT 1; END"]]))
// With the target's one optional index, once (passes) and twice (refused).
let ourIndex = ["index", "object_kind", "object", "CREATE INDEX object_kind ON object (x)"]
save("schema", "index", schemaRows(ourTables + [ourIndex]))
save("schema", "index-twice", schemaRows([ourIndex] + ourTables + [ourIndex]))
