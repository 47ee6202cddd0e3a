import Testing

@testable import LetterVault
@testable import VaultRecords

/// Envelope framing and its binding to a place (FORMAT.md §5; SECURITY.md §2 T16–T18, T23, T28).
@Suite struct EnvelopeTests {
  static var cipher: RecordCipher {
    RecordCipher(
      vaultID: [UInt8](repeating: 7, count: 16),
      masterKey: SecretBytes(copying: [UInt8](repeating: 9, count: 32)), random: SystemRandom())
  }
  static var key: SecretBytes { SecretBytes(copying: [UInt8](repeating: 3, count: 32)) }
  static let letterA = [UInt8](repeating: 0xA1, count: 16)
  static let letterB = [UInt8](repeating: 0xB2, count: 16)

  static func sealed(_ field: FieldTag, length: Int = 40) -> [UInt8] {
    cipher.seal(
      [UInt8](repeating: 0x61, count: length), field: field, objectID: letterA, revision: 3, key: key)
  }

  static func opens(
    _ bytes: [UInt8], _ field: FieldTag, objectID: [UInt8] = letterA, revision: UInt64 = 3,
    cipher: RecordCipher = cipher
  ) -> Bool {
    (try? cipher.open(bytes, field: field, objectID: objectID, revision: revision, key: key)) != nil
  }

  @Test(arguments: FieldTag.allCases)
  func aSealedEnvelopeOpensInItsOwnPlace(field: FieldTag) throws {
    let bytes = Self.sealed(field)
    #expect(try Envelope(parsing: bytes, expecting: field).bytes == bytes)
    #expect(Self.opens(bytes, field))
  }

  @Test(arguments: FieldTag.allCases)
  func truncatedOrExtendedEnvelopesAreRejectedBeforeDecryption(field: FieldTag) {
    for length in [10, 5_000] {
      let bytes = Self.sealed(field, length: length)
      for cut in 1...48 {
        let shorter = Array(bytes.dropLast(cut))
        #expect((try? Envelope(parsing: shorter, expecting: field)) == nil, "−\(cut)")
        #expect(!Self.opens(shorter, field))
      }
      #expect((try? Envelope(parsing: bytes + [0], expecting: field)) == nil, "+1")
      #expect(!Self.opens(bytes + [0], field))
    }
  }

  @Test(arguments: FieldTag.allCases)
  func aChangedHeaderByteIsRejected(field: FieldTag) {
    let bytes = Self.sealed(field)
    for offset in 0..<8 {
      var changed = bytes
      changed[offset] ^= 0x04
      #expect((try? Envelope(parsing: changed, expecting: field)) == nil, "header byte \(offset)")
      #expect(!Self.opens(changed, field))
    }
  }

  @Test(arguments: FieldTag.allCases)
  func flippingAnyByteAfterTheHeaderFailsAuthentication(field: FieldTag) {
    let bytes = Self.sealed(field)
    for offset in stride(from: 8, to: bytes.count, by: 1) {
      var changed = bytes
      changed[offset] ^= 0x80
      #expect(!Self.opens(changed, field), "byte \(offset)")
    }
  }

  @Test func anEnvelopeDoesNotOpenInAnotherPlace() {
    let body = Self.sealed(.body)
    #expect(!Self.opens(body, .body, objectID: Self.letterB), "another letter's row")
    #expect(!Self.opens(body, .body, revision: 2), "another revision")
    #expect(!Self.opens(body, .note), "another field")
    let meta = Self.sealed(.meta)
    #expect(!Self.opens(meta, .body), "a META in a BODY slot")
    let otherVault = RecordCipher(
      vaultID: [UInt8](repeating: 8, count: 16), masterKey: Self.cipher.masterKey,
      random: SystemRandom())
    #expect(!Self.opens(body, .body, cipher: otherVault), "another vault")
  }

  @Test func sealingTheSameTextTwiceGivesDifferentEnvelopesWithFreshNonces() {
    var nonces = Set<[UInt8]>()
    var envelopes = Set<[UInt8]>()
    for _ in 0..<2_000 {
      let bytes = Self.sealed(.meta)
      nonces.insert(Array(bytes[8..<32]))
      envelopes.insert(bytes)
    }
    #expect(nonces.count == 2_000)
    #expect(envelopes.count == 2_000)
  }

  @Test func randomBytesNeverCrashTheEnvelopeParser() {
    var generator = SeededGenerator(seed: 56)
    let header = Envelope.header(for: .meta)
    for round in 0..<3_000 {
      var bytes = generator.bytes(Int.random(in: 0...400, using: &generator))
      if round % 2 == 0, bytes.count >= 8 { bytes.replaceSubrange(0..<8, with: header) }
      _ = try? Envelope(parsing: bytes, expecting: .meta)
      #expect(!Self.opens(bytes, .meta))
    }
  }
}
