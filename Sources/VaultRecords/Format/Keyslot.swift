/// One way to unwrap the master key: 128 bytes, all parameters authenticated (FORMAT.md §4.2).
///
/// ```
/// 0  4  "LVKS"          8  8  opslimit (u64)   40 16  vault_id
/// 4  1  version = 1    16  8  memlimit (u64)   56 24  nonce
/// 5  1  kind           24 16  salt             80 48  XChaCha20-Poly1305(MK) || tag
/// 6  1  kdf id = 2 (Argon2id v1.3)
/// 7  1  reserved = 0
/// AD = bytes[0..<56]
/// ```
package struct Keyslot: Equatable {
  package enum Kind: UInt8 {
    case passphrase = 1
    case recoveryKey = 2
  }

  package var kind: Kind
  package var opsLimit: UInt64
  package var memLimit: UInt64
  package var salt: [UInt8]
  package var vaultID: [UInt8]
  package var nonce: [UInt8]
  package var wrappedKey: [UInt8]

  /// The authenticated prefix: everything up to and including the vault id.
  package var header: [UInt8] {
    var writer = ByteWriter(capacity: FormatConstant.keyslotHeaderByteCount)
    writer.raw(FormatConstant.keyslotMagic)
    writer.u8(FormatConstant.keyslotVersion)
    writer.u8(kind.rawValue)
    writer.u8(FormatConstant.kdfArgon2id)
    writer.u8(0)
    writer.u64(opsLimit)
    writer.u64(memLimit)
    writer.raw(salt)
    writer.raw(vaultID)
    return writer.bytes
  }

  package var bytes: [UInt8] { header + nonce + wrappedKey }

  /// Parses a keyslot. Every check runs before any key derivation, so a malformed slot
  /// never costs an Argon2id run (FORMAT.md §4.2; age applies the same exact-length rule).
  package init(parsing bytes: [UInt8]) throws(ByteReader.Malformed) {
    guard bytes.count == FormatConstant.keyslotByteCount else {
      throw .init(reason: "keyslot is \(bytes.count) bytes, expected 128")
    }
    var reader = ByteReader(bytes)
    guard try reader.raw(4) == FormatConstant.keyslotMagic else {
      throw .init(reason: "keyslot magic")
    }
    guard try reader.u8() == FormatConstant.keyslotVersion else {
      throw .init(reason: "keyslot version")
    }
    guard let kind = Kind(rawValue: try reader.u8()) else { throw .init(reason: "keyslot kind") }
    guard try reader.u8() == FormatConstant.kdfArgon2id, try reader.u8() == 0 else {
      throw .init(reason: "keyslot kdf")
    }
    self.kind = kind
    opsLimit = try reader.u64()
    memLimit = try reader.u64()
    salt = try reader.raw(16)
    vaultID = try reader.raw(FormatConstant.vaultIDByteCount)
    nonce = try reader.raw(FormatConstant.nonceByteCount)
    wrappedKey = try reader.raw(FormatConstant.keyByteCount + FormatConstant.tagByteCount)
    try reader.finish()
  }

  package init(
    kind: Kind, opsLimit: UInt64, memLimit: UInt64, salt: [UInt8], vaultID: [UInt8],
    nonce: [UInt8], wrappedKey: [UInt8]
  ) {
    self.kind = kind
    self.opsLimit = opsLimit
    self.memLimit = memLimit
    self.salt = salt
    self.vaultID = vaultID
    self.nonce = nonce
    self.wrappedKey = wrappedKey
  }
}
