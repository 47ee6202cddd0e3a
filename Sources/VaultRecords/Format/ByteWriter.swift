/// Little-endian serialisation for record plaintexts (FORMAT.md §6 conventions).
package struct ByteWriter {
  package private(set) var bytes: [UInt8] = []

  package init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  package mutating func u8(_ value: UInt8) { bytes.append(value) }
  package mutating func u16(_ value: UInt16) { append(littleEndian: value) }
  package mutating func u32(_ value: UInt32) { append(littleEndian: value) }
  package mutating func u64(_ value: UInt64) { append(littleEndian: value) }
  package mutating func i64(_ value: Int64) { append(littleEndian: value) }
  package mutating func raw(_ value: some Sequence<UInt8>) { bytes.append(contentsOf: value) }

  /// `u16 length || UTF-8 bytes`; callers have already checked the cap.
  package mutating func text(_ value: String) {
    let utf8 = Array(value.utf8)
    u16(UInt16(utf8.count))
    raw(utf8)
  }

  /// `u32 length || bytes`.
  package mutating func blob(_ value: [UInt8]) {
    u32(UInt32(value.count))
    raw(value)
  }

  private mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }
}
