internal import CSodium

/// Key material in libsodium's guarded memory (FORMAT.md §10 "Process hygiene").
///
/// `sodium_malloc` places the bytes between guard pages, locks them out of swap and core
/// dumps (`mlock` + `MADV_DONTDUMP`), and `sodium_free` wipes them. A class, not a struct,
/// so the buffer is never duplicated by Swift's value semantics: every holder shares the one
/// allocation, and it is wiped when the last reference goes away.
package final class SecretBytes {
  package let count: Int
  private let pointer: UnsafeMutableRawPointer

  /// Allocates `count` zeroed bytes.
  package init(count: Int) {
    precondition(count >= 0)
    guard Sodium.isReady else { fatalError("letters: libsodium could not be initialised") }
    guard let pointer = sodium_malloc(Swift.max(count, 1)) else {
      fatalError("letters: cannot allocate protected memory")
    }
    sodium_memzero(pointer, Swift.max(count, 1))
    self.pointer = pointer
    self.count = count
  }

  /// Copies `bytes` into protected memory. The caller wipes its own copy.
  package convenience init(copying bytes: some Collection<UInt8>) {
    self.init(count: bytes.count)
    let target = pointer.assumingMemoryBound(to: UInt8.self)
    for (offset, byte) in bytes.enumerated() { target[offset] = byte }
  }

  /// Overwrites the buffer with `bytes` (exactly `count` of them).
  package func assign(_ bytes: some Collection<UInt8>) {
    precondition(bytes.count == count)
    let target = pointer.assumingMemoryBound(to: UInt8.self)
    for (offset, byte) in bytes.enumerated() { target[offset] = byte }
  }

  /// `count` bytes from the operating system's CSPRNG.
  package static func random(count: Int, from source: any RandomSource) -> SecretBytes {
    let secret = SecretBytes(count: count)
    secret.withUnsafeMutableBytes { source.fill($0) }
    return secret
  }

  package func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
    try body(UnsafeRawBufferPointer(start: pointer, count: count))
  }

  package func withUnsafeMutableBytes<R, E: Error>(
    _ body: (UnsafeMutableRawBufferPointer) throws(E) -> R
  ) throws(E) -> R {
    try body(UnsafeMutableRawBufferPointer(start: pointer, count: count))
  }

  /// Constant-time comparison (`sodium_memcmp`).
  package func constantTimeEquals(_ other: SecretBytes) -> Bool {
    count == other.count && sodium_memcmp(pointer, other.pointer, count) == 0
  }

  deinit { sodium_free(pointer) }
}

/// Wipes an ordinary Swift array in place: best effort for buffers that briefly held a secret.
package func wipe(_ bytes: inout [UInt8]) {
  bytes.withUnsafeMutableBytes { buffer in
    if let base = buffer.baseAddress { sodium_memzero(base, buffer.count) }
  }
}
