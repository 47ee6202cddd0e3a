import LetterVault

/// A seeded, deterministic ``RandomSource`` (SplitMix64) for golden files: the same seed
/// gives the same ids, keys and nonces, so exports of a test vault are byte-for-byte stable.
/// Tests only; never as strong as the system source.
final class SplitMixRandom: RandomSource, @unchecked Sendable {
  private var state: UInt64
  private let lock = NSLockLike()

  init(seed: UInt64) { state = seed }

  func fill(_ buffer: UnsafeMutableRawBufferPointer) {
    lock.locked {
      for index in 0..<buffer.count {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        buffer[index] = UInt8(truncatingIfNeeded: z ^ (z >> 31))
      }
    }
  }
}

import Foundation

private final class NSLockLike: @unchecked Sendable {
  private let lock = NSLock()
  func locked(_ body: () -> Void) { lock.lock(); body(); lock.unlock() }
}
