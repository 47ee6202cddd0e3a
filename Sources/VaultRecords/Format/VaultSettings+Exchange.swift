/// The SETTINGS sections owned by export, import and delivery (FORMAT.md §19):
/// 11 delivery (``DeliverySettings``), 12 import key (`u8[32]`). Both are written only once set.
extension VaultSettings {
  package func serializeExchangeSections(into writer: inout ByteWriter) {
    if let delivery {
      section(.delivery, into: &writer) { delivery.serialize(into: &$0) }
    }
    if let importKey {
      section(.importKey, into: &writer) { $0.raw(importKey) }
    }
  }

  package mutating func parseExchangeSection(_ tag: Section, from body: inout ByteReader)
    throws(ByteReader.Malformed)
  {
    switch tag {
    case .delivery: delivery = try DeliverySettings(parsing: &body)
    case .importKey: importKey = try body.raw(FormatConstant.keyByteCount)
    default: throw .init(reason: "settings section \(tag.rawValue)")
    }
  }
}
