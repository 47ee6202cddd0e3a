/// The plaintext of the SETTINGS record (FORMAT.md §6.2): the cooling-off policy, recipients
/// and other vault-wide state. Rules live only here, inside the encrypted vault, so no
/// environment variable or plaintext file can loosen them (COOLING-OFF.md "The rules").
///
/// Stored as a sequence of sections `u8 tag || u32 length || payload`, each tag at most once,
/// unknown tags rejected: a feature owns its section and its codec.
package struct VaultSettings: Equatable {
  /// The cooling-off policy in force (FORMAT.md §6.2 section 1).
  package struct Policy: Equatable {
    package var coolingOffSeconds: UInt64 = 24 * 3600
    /// Minutes after local midnight; a window may cross midnight (start > end).
    package var quietStartMinute: UInt16 = 22 * 60
    package var quietEndMinute: UInt16 = 7 * 60
    /// IANA zone the quiet hours are evaluated in, fixed when the vault is created.
    package var timeZoneIdentifier: String = "UTC"
  }

  /// Someone the user writes to (FORMAT.md §6.2 section 2).
  package struct Recipient: Equatable {
    package init(name: String, email: String, coolingOffSeconds: UInt64, formerNames: [String] = []) {
      self.name = name
      self.email = email
      self.coolingOffSeconds = coolingOffSeconds
      self.formerNames = formerNames
    }

    package var name: String
    package var email: String
    /// Zero means "use the vault's default period".
    package var coolingOffSeconds: UInt64
    /// Names they had before a rename: letters written to them follow this recipient's rules
    /// (section 13; VaultSettings+Recipients).
    package var formerNames: [String] = []
  }

  package enum Section: UInt8 {
    case policy = 1
    case recipients = 2
    case unlock = 3
    /// Clock evidence and its anomaly log (FORMAT.md §18).
    case clock = 4
    /// Loosenings waiting for their time (FORMAT.md §18).
    case pendingRules = 5
    /// The secret half of the write-only capture key pair (FORMAT.md §6.5).
    case capture = 9
    /// Ids of burned letters, so a merge never brings one back (FORMAT.md §6.2).
    case burned = 10
    /// Delivery command and sender (FORMAT.md §19; VaultSettings+Exchange).
    case delivery = 11
    /// The key behind imported letters' ids (FORMAT.md §19).
    case importKey = 12
    /// Recipients' former names (FORMAT.md §6.2; VaultSettings+Recipients).
    case formerNames = 13
  }

  package var policy = Policy()
  package var recipients: [Recipient] = []
  package var lastUnlockAt: Int64 = 0
  package var unlockCount: UInt64 = 0
  package var clock = ClockEvidence()
  package var pendingRules: [PendingRuleChange] = []
  /// X25519 secret key for `letters jot` captures; empty when the vault has none.
  package var captureSecretKey: [UInt8] = []
  /// 16-byte ids of letters burned in this vault or in a merged copy.
  package var burnedIDs: Set<[UInt8]> = []
  /// How letters are delivered; nil until `letters delivery set` (VaultSettings+Exchange).
  package var delivery: DeliverySettings?
  /// The key behind imported letters' ids; nil until the first import (VaultSettings+Exchange).
  package var importKey: [UInt8]?

  package init(timeZoneIdentifier: String) {
    policy.timeZoneIdentifier = timeZoneIdentifier
  }

  package func serialized() -> [UInt8] {
    var writer = ByteWriter()
    writer.u8(1)
    section(.policy, into: &writer) { body in
      body.u64(policy.coolingOffSeconds)
      body.u16(policy.quietStartMinute)
      body.u16(policy.quietEndMinute)
      body.text(policy.timeZoneIdentifier)
    }
    section(.recipients, into: &writer) { body in
      body.u32(UInt32(recipients.count))
      for recipient in recipients {
        body.text(recipient.name)
        body.text(recipient.email)
        body.u64(recipient.coolingOffSeconds)
      }
    }
    serializeFormerNames(into: &writer)
    section(.unlock, into: &writer) { body in
      body.i64(lastUnlockAt)
      body.u64(unlockCount)
    }
    if !burnedIDs.isEmpty {
      section(.burned, into: &writer) { body in
        body.u32(UInt32(burnedIDs.count))
        for id in burnedIDs.sorted(by: { $0.lexicographicallyPrecedes($1) }) { body.raw(id) }
      }
    }
    section(.clock, into: &writer) { body in clock.encode(into: &body) }
    section(.pendingRules, into: &writer) { body in PendingRuleChange.encode(pendingRules, into: &body) }
    if !captureSecretKey.isEmpty {
      section(.capture, into: &writer) { body in body.raw(captureSecretKey) }
    }
    serializeExchangeSections(into: &writer)
    return writer.bytes
  }

  package init(parsing bytes: [UInt8]) throws(ByteReader.Malformed) {
    var reader = ByteReader(bytes)
    guard try reader.u8() == 1 else { throw .init(reason: "settings version") }
    var seen = Set<UInt8>()
    var formerNames: [FormerName] = []
    while reader.remaining > 0 {
      let rawTag = try reader.u8()
      guard let tag = Section(rawValue: rawTag), seen.insert(rawTag).inserted else {
        throw .init(reason: "settings section \(rawTag)")
      }
      var body = ByteReader(try reader.blob(cap: 16 * 1024 * 1024))
      switch tag {
      case .policy:
        policy.coolingOffSeconds = try body.u64()
        policy.quietStartMinute = try body.u16()
        policy.quietEndMinute = try body.u16()
        policy.timeZoneIdentifier = try body.text()
        guard policy.quietStartMinute < 1440, policy.quietEndMinute < 1440 else {
          throw .init(reason: "quiet hours out of range")
        }
      case .recipients:
        let count = try body.count(cap: 100_000, minimumElementSize: 12)
        for _ in 0..<count {
          recipients.append(
            Recipient(name: try body.text(), email: try body.text(), coolingOffSeconds: try body.u64()))
        }
      case .burned:
        let count = try body.count(cap: FormatConstant.maximumListCount, minimumElementSize: 16)
        for _ in 0..<count { burnedIDs.insert(try body.raw(16)) }
      case .capture:
        captureSecretKey = try body.raw(32)
      case .unlock:
        lastUnlockAt = try body.i64()
        unlockCount = try body.u64()
      case .delivery, .importKey:
        try parseExchangeSection(tag, from: &body)
      case .clock:
        clock = try ClockEvidence(reading: &body)
      case .pendingRules:
        pendingRules = try PendingRuleChange.decode(&body)
      case .formerNames:
        formerNames = try Self.parseFormerNames(from: &body)
      }
      try body.finish()
    }
    // Every section `serialized()` always writes must be there: otherwise a record cut at a
    // section boundary would parse, silently resetting what the lost sections held.
    guard
      seen.isSuperset(of: [Section.policy, .recipients, .unlock, .clock, .pendingRules].map(\.rawValue))
    else {
      throw .init(reason: "settings section missing")
    }
    try attach(formerNames)
  }

  package func section(
    _ tag: Section, into writer: inout ByteWriter, _ fill: (inout ByteWriter) -> Void
  ) {
    var body = ByteWriter()
    fill(&body)
    writer.u8(tag.rawValue)
    writer.blob(body.bytes)
  }
}
