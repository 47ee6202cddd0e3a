import Testing

@testable import LetterVault
@testable import VaultRecords

/// Argon2id (crypto_pwhash, ALG_ARGON2ID13, one lane) known answers through
/// `PasswordHash.deriveKey` (SECURITY.md §2 T04).
///
/// Source: libsodium `test/default/pwhash_argon2id.c`, `tv3()`: encoded `$argon2id$` strings
/// that `pwhash_argon2id.exp` confirms verify (entries 2 and 4; 0, 1 and 3 are the intended
/// failures). Their 32-byte tags are exactly what `crypto_pwhash` returns for the same
/// password, salt, `t` (opslimit) and `m` KiB (memlimit / 1024), so they test our wrapper
/// byte for byte. The libsodium `tv()` vectors use other output lengths, which our 32-byte
/// key derivation cannot produce (Argon2's output depends on its length).
@Suite struct PasswordHashTests {
  struct Vector {
    let password: String
    let memoryKiB: UInt64
    let passes: UInt64
    let salt: String
    let tag: String
  }

  static let vectors = [
    Vector(
      password: "", memoryKiB: 4882, passes: 2, salt: "bA81arsiXysd3WbTRzmEOw",
      tag: "Nm8QBM+7RH1DXo9rvp5cwKEOOOfD2g6JuxlXihoNcpE"),
    Vector(
      password: "^T5H$JYt39n%K*j:W]!1s?vg!:jGi]Ax?..l7[p0v:1jHTpla9;]bUN;?bWyCbtqg ",
      memoryKiB: 4096, passes: 19, salt: "PkEgMTYtYnl0ZXMgc2FsdA",
      tag: "ltB/ue1kPtBMBGfsysMpPigE6hiNEKZ9vs8vLNVDQGA"),
  ]

  @Test(arguments: 0..<2)
  func derivedKeyMatchesLibsodiumsArgon2idVector(index: Int) throws {
    let vector = Self.vectors[index]
    let salt = Bytes.base64(vector.salt)
    #expect(salt.count == 16)
    let key = try PasswordHash.deriveKey(
      from: SecretBytes(copying: Array(vector.password.utf8)), salt: salt,
      opsLimit: vector.passes, memLimit: vector.memoryKiB * 1024)
    #expect(key.withUnsafeBytes { Array($0) } == Bytes.base64(vector.tag))
  }

  @Test func aDifferentPasswordOrSaltGivesADifferentKey() throws {
    let vector = Self.vectors[0]
    let salt = Bytes.base64(vector.salt)
    let other = try PasswordHash.deriveKey(
      from: SecretBytes(copying: Array("x".utf8)), salt: salt, opsLimit: 2, memLimit: 4882 * 1024)
    var otherSalt = salt
    otherSalt[0] ^= 1
    let salted = try PasswordHash.deriveKey(
      from: SecretBytes(copying: []), salt: otherSalt, opsLimit: 2, memLimit: 4882 * 1024)
    let expected = Bytes.base64(vector.tag)
    #expect(other.withUnsafeBytes { Array($0) } != expected)
    #expect(salted.withUnsafeBytes { Array($0) } != expected)
  }
}
