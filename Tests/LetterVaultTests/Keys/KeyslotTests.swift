import Testing

@testable import LetterVault
@testable import VaultRecords

/// The 128-byte keyslot parser and unwrap (FORMAT.md §4.2; SECURITY.md §2 T15, T29).
@Suite struct KeyslotTests {
  static let valid = Keyslot(
    kind: .passphrase, opsLimit: 2, memLimit: 64 << 20, salt: [UInt8](repeating: 1, count: 16),
    vaultID: [UInt8](repeating: 2, count: 16), nonce: [UInt8](repeating: 3, count: 24),
    wrappedKey: [UInt8](repeating: 4, count: 48)
  ).bytes

  static func rejects(_ bytes: [UInt8]) -> Bool {
    (try? Keyslot(parsing: bytes)) == nil
  }

  @Test func aValidSlotParsesAndSerialisesToTheSameBytes() throws {
    #expect(Self.valid.count == 128)
    #expect(try Keyslot(parsing: Self.valid).bytes == Self.valid)
  }

  @Test func wrongLengthsAreRejected() {
    for length in [0, 1, 56, 127] { #expect(Self.rejects(Array(Self.valid.prefix(length)))) }
    #expect(Self.rejects(Self.valid + [0]))
    #expect(Self.rejects(Self.valid + [UInt8](repeating: 0, count: 128)))
  }

  @Test func wrongMagicVersionKindKdfOrReservedByteIsRejected() {
    func changed(_ offset: Int, to value: UInt8) -> [UInt8] {
      var bytes = Self.valid
      bytes[offset] = value
      return bytes
    }
    for offset in 0..<4 { #expect(Self.rejects(changed(offset, to: Self.valid[offset] ^ 0x20))) }
    for version: UInt8 in [0, 2, 0xFF] { #expect(Self.rejects(changed(4, to: version))) }
    for kind: UInt8 in [0, 3, 0xFF] { #expect(Self.rejects(changed(5, to: kind))) }
    for kdf: UInt8 in [0, 1, 3, 0xFF] { #expect(Self.rejects(changed(6, to: kdf))) }
    for reserved: UInt8 in [1, 0x80] { #expect(Self.rejects(changed(7, to: reserved))) }
    #expect(!Self.rejects(changed(5, to: 2)), "kind 2 (recovery key) is known")
  }

  @Test func randomBytesNeverCrashTheParser() {
    var generator = SeededGenerator(seed: 128)
    for round in 0..<3_000 {
      var bytes = generator.bytes(round % 3 == 0 ? 128 : Int.random(in: 0...200, using: &generator))
      if round % 2 == 0, bytes.count >= 8 { bytes.replaceSubrange(0..<8, with: Self.valid[0..<8]) }
      if let slot = try? Keyslot(parsing: bytes) { #expect(slot.bytes == bytes) }
    }
  }

  @Test func aSlotAskingForTooMuchWorkIsRefusedBeforeAnyKeyDerivation() throws {
    let vaultID = [UInt8](repeating: 5, count: 16)
    let secret = SecretBytes(copying: Array("correct horse battery staple".utf8))
    let slot = try Keyslot.wrap(
      SecretBytes(copying: [UInt8](repeating: 6, count: 32)), kind: .passphrase, secret: secret,
      kdf: .testing, vaultID: vaultID, random: SystemRandom())
    for (ops, mem) in [(UInt64(33), slot.memLimit), (slot.opsLimit, (UInt64(4) << 30) + 1), (0, slot.memLimit)] {
      var expensive = slot
      expensive.opsLimit = ops
      expensive.memLimit = mem
      #expect(throws: RecordError.kdfCostTooHigh) {
        _ = try Keyslot.unlock([expensive.bytes], kind: .passphrase, secret: secret, vaultID: vaultID)
      }
    }
  }

  @Test func flippingAnyBitOfAWrappedSlotMakesUnlockFailCleanly() throws {
    let vaultID = [UInt8](repeating: 5, count: 16)
    let masterKey = SecretBytes(copying: [UInt8](repeating: 6, count: 32))
    let secret = SecretBytes(copying: Array("correct horse battery staple".utf8))
    let slot = try Keyslot.wrap(
      masterKey, kind: .passphrase, secret: secret, kdf: .testing, vaultID: vaultID,
      random: SystemRandom()
    ).bytes
    let unlocked = try Keyslot.unlock([slot], kind: .passphrase, secret: secret, vaultID: vaultID)
    #expect(unlocked.constantTimeEquals(masterKey))
    for offset in 0..<slot.count {
      var flipped = slot
      flipped[offset] ^= 0x01
      #expect(throws: RecordError.self, "byte \(offset)") {
        _ = try Keyslot.unlock([flipped], kind: .passphrase, secret: secret, vaultID: vaultID)
      }
    }
  }
}
