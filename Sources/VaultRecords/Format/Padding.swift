/// Length hiding for record plaintexts (FORMAT.md §5.3).
///
/// ISO/IEC 7816-4 padding, byte-identical to libsodium's `sodium_pad`: a 0x80 byte, then zeros,
/// up to a bucket: powers of two from the field's minimum up to 64 KiB, Padmé above that
/// (at most 12 % overhead, leaks O(log log n) bits). The whole-vault records pad `finely`:
/// Padmé from their minimum up (``FieldTag/padsFinely``). Every power of two is a Padmé size,
/// so a fine field's reader still accepts the rows written before it padded finely. Unpadding scans back from the end for the
/// 0x80 marker: the length is no secret from the process that just decrypted it, and this
/// avoids `sodium_unpad`'s constant-time walk over the whole bucket (docs/PERFORMANCE.md).
package enum Padding {
  /// The padded length for a plaintext of `count` bytes.
  package static func bucket(for count: Int, minimum: Int, finely: Bool = false) -> Int {
    let needed = count + 1
    if finely { return needed <= minimum ? minimum : padme(needed) }
    if needed <= 65536 {
      var size = minimum
      while size < needed { size <<= 1 }
      return size
    }
    return padme(needed)
  }

  /// Padmé (Nikitin et al., PoPETs 2019): keep only the top log2(log2 L)+1 bits significant.
  package static func padme(_ length: Int) -> Int {
    precondition(length > 1)
    let exponent = Int.bitWidth - 1 - length.leadingZeroBitCount
    let significant = Int.bitWidth - (exponent.leadingZeroBitCount)
    let mask = (1 << (exponent - significant)) - 1
    return (length + mask) & ~mask
  }

  /// `bytes || 0x80 || 0x00…` up to the bucket.
  package static func pad(_ bytes: [UInt8], minimum: Int, finely: Bool = false) -> [UInt8] {
    let target = bucket(for: bytes.count, minimum: minimum, finely: finely)
    var out = [UInt8]()
    out.reserveCapacity(target)
    out.append(contentsOf: bytes)
    out.append(0x80)
    out.append(contentsOf: repeatElement(0, count: target - out.count))
    return out
  }

  /// The unpadded length, or nil when the padding is malformed.
  package static func unpaddedLength(_ bytes: UnsafeRawBufferPointer) -> Int? {
    var index = bytes.count - 1
    // Over the zeros eight at a time (a bucket may be half padding): byte by byte was ~2 % of
    // a search (docs/PERFORMANCE.md). The byte loop below still decides.
    while index >= 8, bytes.loadUnaligned(fromByteOffset: index - 7, as: UInt64.self) == 0 { index -= 8 }
    while index >= 0 {
      switch bytes[index] {
      case 0x00: index -= 1
      case 0x80: return index
      default: return nil
      }
    }
    return nil
  }
}
