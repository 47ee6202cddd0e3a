/// The device-local watermark file, `<vault_id hex>.state` (SECURITY.md §2.4;
/// FORMAT.md §15.3). Pure bytes; the MAC is computed by the caller.
///
/// ```
/// off len
///   0   4  "LVST"
///   4   1  version = 1
///   5  16  vault_id
///  21   8  highest manifest epoch seen (u64 LE)
///  29   8  written_at, Unix milliseconds (i64 LE)
///  37  32  BLAKE2b-256(bytes[0..<37], key = K_local)
///  69  12  reserved (zero): failed-unlock counter and time, unauthenticated
/// ```
package struct DeviceState: Equatable {
  package static let magic: [UInt8] = Array("LVST".utf8)
  package static let version: UInt8 = 1
  package static let authenticatedByteCount = 37
  package static let byteCount = 81

  package var vaultID: [UInt8]
  package var highestEpoch: UInt64
  package var writtenAt: Int64

  /// The bytes the MAC covers.
  package var authenticatedBytes: [UInt8] {
    var writer = ByteWriter(capacity: Self.authenticatedByteCount)
    writer.raw(Self.magic)
    writer.u8(Self.version)
    writer.raw(vaultID)
    writer.u64(highestEpoch)
    writer.i64(writtenAt)
    return writer.bytes
  }

  package func serialized(mac: [UInt8]) -> [UInt8] {
    authenticatedBytes + mac + [UInt8](repeating: 0, count: Self.byteCount - 69)
  }

  package init(vaultID: [UInt8], highestEpoch: UInt64, writtenAt: Int64) {
    self.vaultID = vaultID
    self.highestEpoch = highestEpoch
    self.writtenAt = writtenAt
  }

  /// Parses the file; returns the state and the stored MAC for the caller to check.
  package static func parse(_ bytes: [UInt8]) throws(ByteReader.Malformed) -> (
    state: DeviceState, mac: [UInt8]
  ) {
    guard bytes.count == byteCount else { throw .init(reason: "state file length") }
    var reader = ByteReader(bytes)
    guard try reader.raw(4) == magic, try reader.u8() == version else {
      throw .init(reason: "state file version")
    }
    let state = DeviceState(
      vaultID: try reader.raw(FormatConstant.vaultIDByteCount), highestEpoch: try reader.u64(),
      writtenAt: try reader.i64())
    return (state, try reader.raw(FormatConstant.hashByteCount))
  }
}
