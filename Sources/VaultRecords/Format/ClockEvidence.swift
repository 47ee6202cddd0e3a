/// What the vault remembers about the clock (SETTINGS section 4, FORMAT.md §18;
/// COOLING-OFF.md "The clock"): the boot it last saw, where that boot's wall clock was anchored, the
/// latest wall time ever seen, and a short log of anything odd.
///
/// Within one boot `wall − boottime` stays put (CLOCK_BOOTTIME cannot be set and counts
/// suspend), so `bootOrigin` is the reference a later reading of the same boot is held to.
package struct ClockEvidence: Equatable {
  /// One odd thing the clock did (kinds: see ``ClockAnomaly/Kind``).
  package struct Anomaly: Equatable {
    package init(kind: UInt8, at: Int64, expected: Int64, amount: Int64) {
      self.kind = kind
      self.at = at
      self.expected = expected
      self.amount = amount
    }

    package var kind: UInt8
    /// Wall time (ms) when it was seen.
    package var at: Int64
    /// Wall time (ms) the boot clock said it should have been.
    package var expected: Int64
    /// How far, in ms (always ≥ 0).
    package var amount: Int64
  }

  /// The boot of the last reading; all zeros before the first one.
  package var bootID: [UInt8] = .init(repeating: 0, count: 16)
  /// `wall − boottime` (ms) accepted for that boot: raised only by a forward jump counted.
  package var bootOrigin: Int64 = 0
  /// `wall − boottime` (ms) at the first reading of that boot: the wall clock less what it
  /// moved forward since is the trusted time (FORMAT.md §18). Old vaults: `bootOrigin`.
  package var bootFirstOrigin: Int64 = 0
  /// The last reading: wall (ms) and boottime (ns).
  package var lastWall: Int64 = 0
  package var lastBoottime: UInt64 = 0
  /// The latest wall time (ms) ever seen; it only moves forward.
  package var maxWall: Int64 = 0
  /// Newest last, at most ``maximumAnomalyCount``.
  package var anomalies: [Anomaly] = []

  package static let maximumAnomalyCount = 32
  package static let anomalyByteCount = 25

  package var isEmpty: Bool { lastWall == 0 && bootID.allSatisfy { $0 == 0 } }

  package mutating func log(_ anomaly: Anomaly) {
    anomalies.append(anomaly)
    if anomalies.count > Self.maximumAnomalyCount {
      anomalies.removeFirst(anomalies.count - Self.maximumAnomalyCount)
    }
  }

  // MARK: - Codec (FORMAT.md §18 "Section 4")

  package func encode(into writer: inout ByteWriter) {
    writer.raw(bootID)
    writer.i64(bootOrigin)
    writer.i64(lastWall)
    writer.u64(lastBoottime)
    writer.i64(maxWall)
    writer.u32(UInt32(anomalies.count))
    for anomaly in anomalies {
      writer.u8(anomaly.kind)
      writer.i64(anomaly.at)
      writer.i64(anomaly.expected)
      writer.i64(anomaly.amount)
    }
    writer.i64(bootFirstOrigin)
  }

  package init() {}

  package init(reading reader: inout ByteReader) throws(ByteReader.Malformed) {
    bootID = try reader.raw(16)
    bootOrigin = try reader.i64()
    lastWall = try reader.i64()
    lastBoottime = try reader.u64()
    maxWall = try reader.i64()
    let count = try reader.count(
      cap: Self.maximumAnomalyCount, minimumElementSize: Self.anomalyByteCount)
    for _ in 0..<count {
      let anomaly = Anomaly(
        kind: try reader.u8(), at: try reader.i64(), expected: try reader.i64(),
        amount: try reader.i64())
      guard ClockAnomaly.Kind(rawValue: anomaly.kind) != nil, anomaly.amount >= 0 else {
        throw .init(reason: "unknown clock note")
      }
      anomalies.append(anomaly)
    }
    // Written since the boot's first origin was kept (FORMAT.md §18); absent in older vaults.
    bootFirstOrigin = reader.remaining >= 8 ? try reader.i64() : bootOrigin
  }
}
