import CSodium
import Testing

@testable import LetterVault
@testable import VaultRecords

/// Our `Padding` against libsodium's `sodium_pad`/`sodium_unpad`, and the bucket rule of
/// FORMAT.md §5.3 (SECURITY.md §2 T05, T06).
@Suite struct PaddingTests {
  /// What libsodium produces for the same bucket: `sodium_pad(blocksize: target, max: target)`.
  static func sodiumPad(_ bytes: [UInt8], target: Int) -> [UInt8]? {
    var buffer = bytes + [UInt8](repeating: 0xAA, count: target - bytes.count)
    var paddedLength = 0
    let result = sodium_pad(&paddedLength, &buffer, bytes.count, target, target)
    guard result == 0, paddedLength == target else { return nil }
    return buffer
  }

  static func sodiumUnpad(_ padded: [UInt8]) -> Int? {
    var length = 0
    guard sodium_unpad(&length, padded, padded.count, padded.count) == 0 else { return nil }
    return length
  }

  /// Lengths 0…3×minimum, plus both sides of every power of two up to and past 64 KiB.
  static func lengths(minimum: Int) -> [Int] {
    var result = Array(0...(3 * minimum))
    var edge = minimum
    while edge <= 1 << 20 {
      result += [edge - 2, edge - 1, edge, edge + 1]
      edge <<= 1
    }
    result += [65_534, 65_535, 65_536, 65_537, 100_000, 1_000_003]
    return result.filter { $0 >= 0 }
  }

  @Test(arguments: [FormatConstant.minimumIndexBucket, FormatConstant.minimumBodyBucket])
  func paddingEqualsSodiumPadAndUnpadsToTheSameLength(minimum: Int) {
    var generator = SeededGenerator(seed: UInt64(minimum))
    let lengths = Self.lengths(minimum: minimum)
    let pool = generator.bytes(lengths.max()!)
    var mismatches: [Int] = []
    for length in lengths {
      // Content may itself end in 0x80 or zeros: the marker after it must still win.
      var content = Array(pool.prefix(length))
      if length > 2 { content[length - 1] = 0x00; content[length - 2] = 0x80 }
      let ours = Padding.pad(content, minimum: minimum)
      let target = Padding.bucket(for: length, minimum: minimum)
      let theirs = Self.sodiumPad(content, target: target)
      let unpadded = ours.withUnsafeBytes { Padding.unpaddedLength($0) }
      if ours != theirs || ours.count != target || unpadded != length
        || Self.sodiumUnpad(ours) != length
      {
        mismatches.append(length)
      }
    }
    #expect(mismatches.isEmpty, "lengths that differ from libsodium: \(mismatches.prefix(10))")
  }

  @Test func unpaddingRejectsALastNonZeroByteOtherThanTheMarker() {
    for last: UInt8 in [0x01, 0x7F, 0x81, 0xFF] {
      let padded = [UInt8](repeating: 0x41, count: 200) + [last] + [UInt8](repeating: 0, count: 55)
      #expect(padded.withUnsafeBytes { Padding.unpaddedLength($0) } == nil)
      #expect(Self.sodiumUnpad(padded) == nil)
    }
    let noZeros = [UInt8](repeating: 0x41, count: 255) + [0x42]
    #expect(noZeros.withUnsafeBytes { Padding.unpaddedLength($0) } == nil)
  }

  @Test func unpaddingRejectsAllZeroPadding() {
    for count in [1, 256, 1024] {
      let zeros = [UInt8](repeating: 0, count: count)
      #expect(zeros.withUnsafeBytes { Padding.unpaddedLength($0) } == nil)
      #expect(Self.sodiumUnpad(zeros) == nil)
    }
    #expect([UInt8]().withUnsafeBytes { Padding.unpaddedLength($0) } == nil)
  }

  @Test func everyPlaintextInOneBucketGivesTheSameEnvelopeLength() {
    let cipher = RecordCipher(
      vaultID: [UInt8](repeating: 7, count: 16),
      masterKey: SecretBytes(copying: [UInt8](repeating: 9, count: 32)), random: SystemRandom())
    let key = cipher.settingsKey
    func envelopeLength(_ count: Int, _ field: FieldTag) -> Int {
      cipher.seal(
        [UInt8](repeating: 0x61, count: count), field: field, objectID: [UInt8](repeating: 1, count: 16),
        revision: 1, key: key
      ).count
    }
    let overhead = FormatConstant.envelopeHeaderByteCount + FormatConstant.tagByteCount
    #expect(Set([0, 1, 500, 1023].map { envelopeLength($0, .body) }) == [1024 + overhead])
    #expect(Set([1024, 1500, 2047].map { envelopeLength($0, .body) }) == [2048 + overhead])
    #expect(Set([0, 100, 255].map { envelopeLength($0, .meta) }) == [256 + overhead])
    #expect(Set([256, 300, 511].map { envelopeLength($0, .meta) }) == [512 + overhead])
    #expect(Set([65_535].map { envelopeLength($0, .note) }) == [65_536 + overhead])
    let padme = Padding.padme(70_001)
    #expect(Set([70_000, padme - 1].map { envelopeLength($0, .body) }) == [padme + overhead])
  }

  @Test func padmeOverheadStaysUnderTwelvePercentAbove64KiB() {
    var length = 65_536
    var worst = 0.0
    while length <= FormatConstant.maximumBodyByteCount {
      for sample in [length, length + 1, length + length / 3, length * 2 - 1] {
        let bucket = Padding.bucket(for: sample, minimum: FormatConstant.minimumBodyBucket)
        #expect(bucket > sample)
        worst = max(worst, Double(bucket - sample) / Double(sample))
      }
      length *= 2
    }
    var generator = SeededGenerator(seed: 12)
    for _ in 0..<5_000 {
      let sample = Int.random(in: 65_536...FormatConstant.maximumBodyByteCount, using: &generator)
      let bucket = Padding.bucket(for: sample, minimum: FormatConstant.minimumBodyBucket)
      #expect(bucket > sample)
      worst = max(worst, Double(bucket - sample) / Double(sample))
    }
    #expect(worst <= 0.12, "worst Padmé overhead \(worst)")
  }
}
