/// The stored form of every record (FORMAT.md §5.1).
///
/// ```
/// 0  2  "LV"            5  1  padding scheme = 1 (ISO/IEC 7816-4)
/// 2  1  version = 1     6  2  reserved = 0
/// 3  1  aead id = 1     8 24  nonce
/// 4  1  field tag      32  N  ciphertext || tag (N = padded length + 16)
/// ```
package struct Envelope {
  package let field: FieldTag
  package let bytes: [UInt8]

  /// The 8 header bytes that precede the nonce; bound into the associated data.
  package static func header(for field: FieldTag) -> [UInt8] {
    FormatConstant.envelopeMagic + [
      FormatConstant.envelopeVersion, FormatConstant.aeadXChaCha20Poly1305, field.rawValue,
      FormatConstant.paddingISO7816, 0, 0,
    ]
  }

  package init(field: FieldTag, nonce: [UInt8], sealed: [UInt8]) {
    self.field = field
    bytes = Envelope.header(for: field) + nonce + sealed
  }

  /// Checks the header and lengths; the AEAD check comes later, in the crypto layer.
  package init(parsing bytes: [UInt8], expecting field: FieldTag) throws(ByteReader.Malformed) {
    try Envelope.validate(bytes, expecting: field)
    self.field = field
    self.bytes = bytes
  }

  /// ``validate(_:expecting:)`` for an array.
  package static func validate(_ bytes: [UInt8], expecting field: FieldTag) throws(ByteReader.Malformed) {
    let result = bytes.withUnsafeBytes { raw in
      Result { () throws(ByteReader.Malformed) in try validate(raw, expecting: field) }
    }
    try result.get()
  }

  /// The same checks on bytes in place, without copying them.
  package static func validate(_ bytes: UnsafeRawBufferPointer, expecting field: FieldTag)
    throws(ByteReader.Malformed)
  {
    let minimum =
      FormatConstant.envelopeHeaderByteCount + FormatConstant.tagByteCount + field.minimumBucket
    guard bytes.count >= minimum else {
      throw .init(reason: "envelope is \(bytes.count) bytes, shorter than any valid one")
    }
    guard bytes[0..<8].elementsEqual(Envelope.header(for: field)) else {
      throw .init(reason: "envelope header is not a version 1 \(field.name) envelope")
    }
    let padded = bytes.count - FormatConstant.envelopeHeaderByteCount - FormatConstant.tagByteCount
    // A padded plaintext always has a bucket's length; anything else was cut or extended.
    guard Padding.bucket(for: padded - 1, minimum: field.minimumBucket, finely: field.padsFinely) == padded else {
      throw .init(reason: "envelope length \(bytes.count) is not a padding bucket")
    }
  }

  package var headerBytes: ArraySlice<UInt8> { bytes[0..<8] }
  package var nonce: ArraySlice<UInt8> { bytes[8..<32] }
  package var sealed: ArraySlice<UInt8> { bytes[32...] }
}

/// The 56 bytes of associated data that bind an envelope to its place (FORMAT.md §5.2).
///
/// ```
/// 0  4  "LVAD"           8 16  vault_id
/// 4  1  AD version = 1  24 16  object id (16×0x00 settings, 16×0xFF manifest)
/// 5  2  schema = 1      40  8  revision (u64)
/// 7  1  field tag       48  8  envelope bytes[0..<8]
/// ```
package enum AssociatedData {
  package static let settingsObjectID = [UInt8](repeating: 0x00, count: 16)
  package static let manifestObjectID = [UInt8](repeating: 0xFF, count: 16)

  package static func make(
    field: FieldTag, vaultID: [UInt8], objectID: [UInt8], revision: UInt64
  ) -> [UInt8] {
    var writer = ByteWriter(capacity: FormatConstant.adByteCount)
    writer.raw(FormatConstant.adMagic)
    writer.u8(FormatConstant.adVersion)
    writer.u16(FormatConstant.schemaVersion)
    writer.u8(field.rawValue)
    writer.raw(vaultID)
    writer.raw(objectID)
    writer.u64(revision)
    writer.raw(Envelope.header(for: field))
    return writer.bytes
  }
}
