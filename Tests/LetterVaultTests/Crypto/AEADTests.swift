import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// Wycheproof's XChaCha20-Poly1305 vectors through our `AEAD` wrapper (SECURITY.md §2 T01, T02).
@Suite struct AEADTests {
  struct VectorFile: Decodable {
    let numberOfTests: Int
    let testGroups: [Group]
  }

  struct Group: Decodable {
    let ivSize: Int
    let tests: [Vector]
  }

  struct Vector: Decodable {
    let tcId: Int
    let comment: String
    let flags: [String]
    let key: String
    let iv: String
    let aad: String
    let msg: String
    let ct: String
    let tag: String
    let result: String
  }

  static func vectors() throws -> [Vector] {
    let url = try #require(
      Bundle.module.url(
        forResource: "wycheproof-xchacha20_poly1305_test", withExtension: "json",
        subdirectory: "Vectors"))
    let file = try JSONDecoder().decode(VectorFile.self, from: Data(contentsOf: url))
    let all = file.testGroups.flatMap(\.tests)
    #expect(all.count == file.numberOfTests)
    return all
  }

  static func open(_ vector: Vector) -> [UInt8]? {
    let sealed = Bytes.hex(vector.ct) + Bytes.hex(vector.tag)
    let nonce = Bytes.hex(vector.iv)
    let key = SecretBytes(copying: Bytes.hex(vector.key))
    return sealed.withUnsafeBytes { sealedBytes in
      nonce.withUnsafeBytes { nonceBytes in
        AEAD.open(sealedBytes, key: key, nonce: nonceBytes, associatedData: Bytes.hex(vector.aad))
      }
    }
  }

  @Test func allThreeHundredFifteenVectorsAreLoaded() throws {
    let all = try Self.vectors()
    #expect(all.count == 315)
    #expect(all.filter { $0.result == "valid" }.count == 246)
    #expect(all.filter { $0.result == "invalid" }.count == 69)
    #expect(all.filter { $0.flags.contains("InvalidNonceSize") }.count == 9)
  }

  @Test func everyValidVectorDecryptsToItsMessage() throws {
    var checked = 0
    for vector in try Self.vectors() where vector.result == "valid" {
      #expect(Self.open(vector) == Bytes.hex(vector.msg), "tcId \(vector.tcId): \(vector.comment)")
      checked += 1
    }
    #expect(checked == 246)
  }

  @Test func encryptingWithTheGivenNonceReproducesEveryValidCiphertextAndTag() throws {
    var checked = 0
    for vector in try Self.vectors() where vector.result == "valid" {
      let message = Bytes.hex(vector.msg)
      let key = SecretBytes(copying: Bytes.hex(vector.key))
      let sealed = message.withUnsafeBytes {
        AEAD.seal($0, key: key, nonce: Bytes.hex(vector.iv), associatedData: Bytes.hex(vector.aad))
      }
      #expect(sealed == Bytes.hex(vector.ct) + Bytes.hex(vector.tag), "tcId \(vector.tcId)")
      checked += 1
    }
    #expect(checked == 246)
  }

  @Test func everyInvalidVectorIsRejectedIncludingWrongNonceSizes() throws {
    var checked = 0
    for vector in try Self.vectors() where vector.result == "invalid" {
      #expect(Self.open(vector) == nil, "tcId \(vector.tcId): \(vector.flags)")
      checked += 1
    }
    #expect(checked == 69)
  }

  @Test func theDraftArciszewskiVectorIsTestCaseOne() throws {
    let first = try #require(try Self.vectors().first)
    #expect(first.tcId == 1)
    #expect(first.comment == "draft-arciszewski-xchacha-02")
    #expect(Self.open(first) == Bytes.hex(first.msg))
  }
}
