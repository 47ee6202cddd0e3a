internal import CSodium

/// Where random bytes come from: the system CSPRNG in use, a seeded generator in golden tests.
///
/// Injected rather than switched globally (FORMAT.md §3.4); release code only ever passes
/// ``SystemRandom``.
public protocol RandomSource: Sendable {
  /// Fills `buffer` with random bytes.
  func fill(_ buffer: UnsafeMutableRawBufferPointer)
}

/// libsodium's `randombytes_buf` (getrandom(2) on Linux).
public struct SystemRandom: RandomSource {
  /// Creates the system source.
  public init() {}

  /// Fills `buffer` from the operating system.
  public func fill(_ buffer: UnsafeMutableRawBufferPointer) {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return }
    randombytes_buf(base, buffer.count)
  }
}

extension RandomSource {
  /// A fresh array of `count` random bytes (for non-secret values: nonces, ids, salts).
  package func bytes(_ count: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: count)
    out.withUnsafeMutableBytes { fill($0) }
    return out
  }
}
