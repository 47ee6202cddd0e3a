import Foundation
import LetterVault

/// SplitMix64: tiny, deterministic, good enough to generate test inputs. The one seeded
/// generator of the tests: "random input" fails the same way every run, and a failing
/// iteration can be replayed from its seed.
package struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  package init(seed: UInt64) { state = seed }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  package mutating func bytes(_ count: Int) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(count + 8)
    while out.count < count { withUnsafeBytes(of: next()) { out.append(contentsOf: $0) } }
    return Array(out.prefix(count))
  }
}

/// The seeded generator as the library's ``RandomSource``, for golden files: the same seed
/// gives the same letter ids, keys and nonces, so exports of a test vault are byte-for-byte
/// stable. One byte per SplitMix64 step. Tests only.
///
/// The first draw, which `Vault.create` uses for the vault id, comes from the system: the
/// device watermark is kept per vault id, so vaults sharing one would look rolled back to
/// each other.
package final class SeededRandomSource: RandomSource, @unchecked Sendable {
  private let lock = NSLock()
  private var generator: SeededGenerator
  private var first = true

  package init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

  package func fill(_ buffer: UnsafeMutableRawBufferPointer) {
    lock.lock()
    defer { lock.unlock() }
    if first {
      first = false
      SystemRandom().fill(buffer)
      return
    }
    for index in 0..<buffer.count {
      buffer[index] = UInt8(truncatingIfNeeded: generator.next())
    }
  }
}
