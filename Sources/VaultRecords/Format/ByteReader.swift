/// Strict little-endian parsing: every length is checked against what remains, and a caller
/// must consume the whole buffer (``finish()``), so trailing bytes are an error (FORMAT.md §6).
package struct ByteReader {
  /// Why a record did not parse; turned into a `RecordError.damaged` by the record layer.
  package struct Malformed: Error, Equatable {
    package init(reason: String) {
      self.reason = reason
    }

    package let reason: String
  }

  private let bytes: [UInt8]
  private var offset: Int

  package init(_ bytes: [UInt8], offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  package var remaining: Int { bytes.count - offset }

  /// Skips `count` bytes and returns where they are, for callers that compare in place.
  package mutating func span(_ count: Int) throws(Malformed) -> Range<Int> {
    guard count >= 0, count <= remaining else { throw Malformed(reason: "truncated") }
    defer { offset += count }
    return offset..<offset + count
  }

  package mutating func u8() throws(Malformed) -> UInt8 {
    guard remaining >= 1 else { throw Malformed(reason: "truncated") }
    defer { offset += 1 }
    return bytes[offset]
  }
  package mutating func u16() throws(Malformed) -> UInt16 { try integer() }
  package mutating func u32() throws(Malformed) -> UInt32 { try integer() }
  package mutating func u64() throws(Malformed) -> UInt64 { try integer() }
  package mutating func i64() throws(Malformed) -> Int64 { try integer() }

  package mutating func raw(_ count: Int) throws(Malformed) -> [UInt8] { Array(try take(count)) }

  /// `u16 length || UTF-8`, rejecting invalid UTF-8 and lengths over `cap`.
  package mutating func text(cap: Int = FormatConstant.maximumTextByteCount) throws(Malformed) -> String {
    let length = Int(try u16())
    guard length <= cap else { throw Malformed(reason: "text longer than \(cap) bytes") }
    let slice = try take(length)
    // ASCII is valid UTF-8 as it stands: the common case skips the generic validator, which
    // was a sixth of reading the listing (docs/PERFORMANCE.md). Anything else is validated.
    let string: String? = slice.withUnsafeBufferPointer { buffer in
      var high: UInt8 = 0
      for byte in buffer { high |= byte }
      return high < 0x80 ? String(decoding: buffer, as: UTF8.self) : String(validating: buffer, as: UTF8.self)
    }
    guard let string else { throw Malformed(reason: "text is not UTF-8") }
    return string
  }

  /// Where a `text` is, checked exactly as ``text(cap:)`` checks it, without making a String
  /// (the common ASCII case allocates nothing; docs/PERFORMANCE.md).
  package mutating func textSpan(cap: Int = FormatConstant.maximumTextByteCount) throws(Malformed) -> Range<Int> {
    let length = Int(try u16())
    guard length <= cap else { throw Malformed(reason: "text longer than \(cap) bytes") }
    let span = try span(length)
    let valid = bytes[span].withUnsafeBufferPointer { buffer in
      var high: UInt8 = 0
      for byte in buffer { high |= byte }
      return high < 0x80 || String(validating: buffer, as: UTF8.self) != nil
    }
    guard valid else { throw Malformed(reason: "text is not UTF-8") }
    return span
  }

  /// `u32 length || bytes`, capped.
  package mutating func blob(cap: Int) throws(Malformed) -> [UInt8] {
    let length = Int(try u32())
    guard length <= cap else { throw Malformed(reason: "blob longer than \(cap) bytes") }
    return try raw(length)
  }

  /// A `u32` element count, checked against `cap` and against the bytes left
  /// (each element needs at least `minimumElementSize` bytes).
  package mutating func count(cap: Int, minimumElementSize: Int) throws(Malformed) -> Int {
    let count = Int(try u32())
    guard count <= cap, count * minimumElementSize <= remaining else {
      throw Malformed(reason: "list count \(count) out of range")
    }
    return count
  }

  /// Fails unless every byte was consumed.
  package func finish() throws(Malformed) {
    guard offset == bytes.count else { throw Malformed(reason: "\(remaining) trailing bytes") }
  }

  private mutating func take(_ count: Int) throws(Malformed) -> ArraySlice<UInt8> {
    guard count >= 0, count <= remaining else { throw Malformed(reason: "truncated") }
    defer { offset += count }
    return bytes[offset..<offset + count]
  }

  // Indexes the array directly: `slice.enumerated()` cost a generic-metadata lookup per call,
  // a fifth of `list`'s time (docs/PERFORMANCE.md).
  @inline(__always)
  private mutating func integer<T: FixedWidthInteger>() throws(Malformed) -> T {
    let size = MemoryLayout<T>.size
    guard size <= remaining else { throw Malformed(reason: "truncated") }
    var value: T = 0
    for index in 0..<size { value |= T(truncatingIfNeeded: bytes[offset + index]) << (8 * index) }
    offset += size
    return value
  }
}
