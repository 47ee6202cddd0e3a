import Foundation
import LetterVault

/// A seeded, deterministic ``RandomSource`` (SplitMix64) for golden files: the same seed
/// gives the same letter ids, keys and nonces, so exports of a test vault are byte-for-byte
/// stable. Tests only.
///
/// The first draw, which `Vault.create` uses for the vault id, comes from the system: the
/// device watermark is kept per vault id, so vaults sharing one would look rolled back to
/// each other.
final class SplitMixRandom: RandomSource, @unchecked Sendable {
  private let lock = NSLock()
  private var state: UInt64
  private var first = true

  init(seed: UInt64) { state = seed }

  func fill(_ buffer: UnsafeMutableRawBufferPointer) {
    lock.lock()
    defer { lock.unlock() }
    if first {
      first = false
      SystemRandom().fill(buffer)
      return
    }
    for index in 0..<buffer.count {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      buffer[index] = UInt8(truncatingIfNeeded: z ^ (z >> 31))
    }
  }
}
