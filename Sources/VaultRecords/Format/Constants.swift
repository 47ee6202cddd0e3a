/// Every fixed label, version and size of the stored format, each citing its FORMAT.md section.
package enum FormatConstant {
  /// FORMAT.md §8: `vault.format`; bumped only for incompatible changes.
  package static let vaultFormat = 1
  /// FORMAT.md §4.2: keyslot magic and version.
  package static let keyslotMagic: [UInt8] = Array("LVKS".utf8)
  package static let keyslotVersion: UInt8 = 1
  package static let keyslotByteCount = 128
  /// FORMAT.md §4.2: the authenticated prefix of a keyslot.
  package static let keyslotHeaderByteCount = 56
  /// FORMAT.md §4.2: kdf id 0x02 = Argon2id v1.3 through libsodium's crypto_pwhash.
  package static let kdfArgon2id: UInt8 = 2
  /// FORMAT.md §5.1: envelope magic, version, AEAD id and padding scheme.
  package static let envelopeMagic: [UInt8] = Array("LV".utf8)
  package static let envelopeVersion: UInt8 = 1
  package static let aeadXChaCha20Poly1305: UInt8 = 1
  package static let paddingISO7816: UInt8 = 1
  package static let envelopeHeaderByteCount = 32
  package static let nonceByteCount = 24
  package static let tagByteCount = 16
  /// FORMAT.md §5.2: associated-data magic and versions.
  package static let adMagic: [UInt8] = Array("LVAD".utf8)
  package static let adVersion: UInt8 = 1
  package static let schemaVersion: UInt16 = 1
  package static let adByteCount = 56
  /// FORMAT.md §4.3: every id and key is 16 or 32 bytes.
  package static let idByteCount = 16
  package static let vaultIDByteCount = 16
  package static let keyByteCount = 32
  package static let hashByteCount = 32
  /// FORMAT.md §5.3: smallest padding bucket per field, and the largest body we accept.
  package static let minimumIndexBucket = 256
  package static let minimumBodyBucket = 1024
  package static let maximumBodyByteCount = 64 * 1024 * 1024
  /// FORMAT.md §6: caps that keep a hostile record from asking for absurd allocations.
  package static let maximumTextByteCount = 4096
  package static let maximumTagCount = 64
  package static let maximumListCount = 1_000_000
}

/// FORMAT.md §6.5: rows of `object` with this kind hold sealed captures, not envelopes.
package enum CaptureConstant {
  package static let rowKind: UInt8 = 6
  package static let magic: [UInt8] = Array("LVIB".utf8)
  package static let version: UInt8 = 1
  /// FORMAT.md §6.5: a capture row's object id starts with these 4 bytes (12 random follow),
  /// so readers find captures with a range on the primary key instead of a full scan.
  package static let objectIDPrefix: [UInt8] = [0xFE, 0xFE, 0xFE, 0xFE]
}

/// The field tag of a record: which kind of object an envelope holds (FORMAT.md §5.2).
package enum FieldTag: UInt8, Sendable, CaseIterable {
  case meta = 1
  case body = 2
  case settings = 3
  case manifest = 4
  case note = 5
  /// FORMAT.md §6.6: the summaries `list` reads instead of every META.
  case listing = 7
  /// FORMAT.md §6.7: the text signatures `search` rules letters out with.
  case textIndex = 8
  /// FORMAT.md §6.3: one bucket of the manifest's entries, pinned by the MANIFEST root.
  case manifestBucket = 9
  /// FORMAT.md §6.8: the newest letters' LISTING entries, pinned by the MANIFEST root.
  case recent = 10
  /// FORMAT.md §6.9: each letter's word list, which finds a word in most letters exactly.
  case words = 11

  package var minimumBucket: Int {
    switch self {
    case .body, .note: FormatConstant.minimumBodyBucket
    default: FormatConstant.minimumIndexBucket
    }
  }

  /// FORMAT.md §5.3: whether this field pads finely (Padmé from its minimum up) instead of to
  /// powers of two. The whole-vault records do: a letter's own rows keep the coarse classes,
  /// while these rows, each holding many letters (or none in particular), showed as mostly
  /// padding that every `list` and `search` decrypted (SECURITY.md §4 "Two paddings", docs/PERFORMANCE.md).
  package var padsFinely: Bool {
    switch self {
    case .manifest, .manifestBucket, .listing, .textIndex, .recent, .words: true
    case .meta, .body, .settings, .note: false
    }
  }

  package var name: String {
    switch self {
    case .meta: "metadata"
    case .body: "text"
    case .settings: "settings"
    case .manifest: "manifest"
    case .note: "note"
    case .listing: "listing"
    case .textIndex: "text index"
    case .manifestBucket: "manifest bucket"
    case .recent: "recent letters"
    case .words: "word list"
    }
  }
}
