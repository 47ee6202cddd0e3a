/// A loosening of the cooling-off rules that is waiting for its time (SETTINGS section 5,
/// FORMAT.md §18; COOLING-OFF.md "The rules").
///
/// It carries the same clock evidence as a send request, so it becomes active only when the
/// release checks pass for `effectiveAt`: a clock moved forward does not hurry it.
package struct PendingRuleChange: Equatable {
  package init(scope: Scope, recipient: String = "", value: UInt64, requestedAt: Int64, requestedBootID: [UInt8], requestedBoottime: UInt64, effectiveAt: Int64) {
    self.scope = scope
    self.recipient = recipient
    self.value = value
    self.requestedAt = requestedAt
    self.requestedBootID = requestedBootID
    self.requestedBoottime = requestedBoottime
    self.effectiveAt = effectiveAt
  }

  package enum Scope: UInt8 {
    /// The vault's default cooling-off period; `value` is seconds.
    case defaultPeriod = 1
    /// One recipient's period; `value` is seconds, `recipient` names them.
    case recipientPeriod = 2
    /// The quiet hours; `value` is `start << 16 | end`, minutes after local midnight.
    case quietHours = 3
    /// Removing one recipient (their own period ends with them); `value` is 0.
    case recipientRemoval = 4

    /// True when `recipient` names whom the change is for.
    package var isPerRecipient: Bool { self == .recipientPeriod || self == .recipientRemoval }
  }

  package var scope: Scope
  package var recipient: String = ""
  package var value: UInt64
  package var requestedAt: Int64
  package var requestedBootID: [UInt8]
  package var requestedBoottime: UInt64
  package var effectiveAt: Int64

  package static let maximumCount = 1000
  /// u8 + u16 + u64 + i64 + 16 + u64 + i64, with an empty name.
  package static let minimumByteCount = 51

  /// True when this change and `other` set the same thing (one pending change per thing).
  package func sameTarget(as other: PendingRuleChange) -> Bool {
    scope == other.scope && recipient.lowercased() == other.recipient.lowercased()
  }

  // MARK: - Codec (FORMAT.md §18 "Section 5")

  package static func encode(_ changes: [PendingRuleChange], into writer: inout ByteWriter) {
    writer.u32(UInt32(changes.count))
    for change in changes {
      writer.u8(change.scope.rawValue)
      writer.text(change.recipient)
      writer.u64(change.value)
      writer.i64(change.requestedAt)
      writer.raw(change.requestedBootID)
      writer.u64(change.requestedBoottime)
      writer.i64(change.effectiveAt)
    }
  }

  package static func decode(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> [PendingRuleChange]
  {
    let count = try reader.count(cap: maximumCount, minimumElementSize: minimumByteCount)
    var changes: [PendingRuleChange] = []
    for _ in 0..<count {
      guard let scope = Scope(rawValue: try reader.u8()) else {
        throw .init(reason: "unknown pending rule")
      }
      let change = PendingRuleChange(
        scope: scope, recipient: try reader.text(), value: try reader.u64(),
        requestedAt: try reader.i64(), requestedBootID: try reader.raw(16),
        requestedBoottime: try reader.u64(), effectiveAt: try reader.i64())
      if scope == .quietHours {
        guard change.value >> 16 < 1440, change.value & 0xFFFF < 1440, change.value >> 32 == 0
        else {
          throw .init(reason: "quiet hours out of range")
        }
      }
      if scope == .recipientRemoval, change.value != 0 {
        throw .init(reason: "recipient removal with a value")
      }
      changes.append(change)
    }
    return changes
  }
}
