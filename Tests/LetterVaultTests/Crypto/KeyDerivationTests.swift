import Testing

@testable import LetterVault
@testable import VaultRecords

/// libsodium's `crypto_kdf` known answers through `KeyDerivation` (SECURITY.md §2 T03).
///
/// Expected values: libsodium `test/default/kdf.exp` (jedisct1/libsodium), produced by
/// `test/default/kdf.c` with master key 00 01 … 1f and context "KDF test".
@Suite struct KeyDerivationTests {
  static var masterKey: SecretBytes { SecretBytes(copying: (0..<32).map { UInt8($0) }) }

  /// Lines 1–10 of kdf.exp: 64-byte subkeys for ids 0…9.
  static let sixtyFourByteSubkeys = [
    "a0c724404728c8bb95e5433eb6a9716171144d61efb23e74b873fcbeda51d8071b5d70aae12066dfc94ce943f145aa176c055040c3dd73b0a15e36254d450614",
    "02507f144fa9bf19010bf7c70b235b4c2663cc00e074f929602a5e2c10a780757d2a3993d06debc378a90efdac196dd841817b977d67b786804f6d3cd585bab5",
    "1944da61ff18dc2028c3578ac85be904931b83860896598f62468f1cb5471c6a344c945dbc62c9aaf70feb62472d17775ea5db6ed5494c68b7a9a59761f39614",
    "131c0ca1633ed074986215b264f6e0474f362c52b029effc7b0f75977ee89cc95d85c3db87f7e399197a25411592beeeb7e5128a74646a460ecd6deb4994b71e",
    "a7023a0bf9be245d078aed26bcde0465ff0cc0961196a5482a0ff4ff8b4015971e13611f50529cb408f5776b14a90e7c3dd9160a22211db64ff4b5c0b9953680",
    "50f49313f3a05b2e565c13feedb44daa675cafd42c2b2cf9edbce9c949fbfc3f175dcb738671509ae2ea66fb85e552394d479afa7fa3affe8791744796b94176",
    "13b58d6d69780089293862cd59a1a8a4ef79bb850e3f3ba41fb22446a7dd1dc4da4667d37b33bf1225dcf8173c4c349a5d911c5bd2db9c5905ed70c11e809e3b",
    "15d44b4b44ffa006eeceeb508c98a970aaa573d65905687b9e15854dec6d49c612757e149f78268f727660dedf9abce22a9691feb20a01b0525f4b47a3cf19db",
    "9aebba11c5428ae8225716369e30a48943be39159a899f804e9963ef78822e186c21fe95bb0b85e60ef03a6f58d0b9d06e91f79d0ab998450b8810c73ca935b4",
    "70f9b83e463fb441e7a4c43275125cd5b19d8e2e4a5d179a39f5db10bbce745a199104563d308cf8d4c6b27bbb759ded232f5bdb7c367dd632a9677320dfe416",
  ]

  /// Later lines of kdf.exp: a subkey of length n derived with id n.
  static let lengthVectors: [(length: Int, hex: String)] = [
    (16, "a529216624ef9161e4cf117272aafff2"),
    (17, "068bd6940b80c6cc2530a68c31d9f4e323"),
    (32, "154b291f11196737f8b7f491e4ca11764e0227d34f94295408a869f007aa8618"),
    (
      64,
      "06ae14308eeeda62a00cb6d5edf18d1707029515db98f472bbf0617419301b1d4f4f2ab65849446be46f87e1d31c6c74283897b9976f70d8a16253ac927e0d9f"
    ),
  ]

  static func derive(length: Int, id: UInt64) -> [UInt8] {
    KeyDerivation.derive(length: length, id: id, context: "KDF test", from: masterKey)
      .withUnsafeBytes { Array($0) }
  }

  @Test func subkeyZeroMatchesAllSixtyFourBytesOfLibsodiumsKnownAnswer() {
    let subkey = Self.derive(length: 64, id: 0)
    #expect(subkey == Bytes.hex(Self.sixtyFourByteSubkeys[0]))
    #expect(Array(subkey.prefix(8)) == Bytes.hex("a0c724404728c8bb"))
    #expect(Array(subkey.suffix(4)) == Bytes.hex("4d450614"))
  }

  @Test(arguments: 1..<10)
  func subkeysForIdsOneToNineMatchLibsodium(id: Int) {
    #expect(Self.derive(length: 64, id: UInt64(id)) == Bytes.hex(Self.sixtyFourByteSubkeys[id]))
  }

  @Test func subkeysOfOtherLengthsMatchLibsodium() {
    for vector in Self.lengthVectors {
      #expect(
        Self.derive(length: vector.length, id: UInt64(vector.length)) == Bytes.hex(vector.hex),
        "length \(vector.length)")
    }
  }
}
