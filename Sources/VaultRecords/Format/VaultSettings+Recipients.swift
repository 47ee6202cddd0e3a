/// Recipients by name, renames and removals (docs/COOLING-OFF.md "Correcting a recipient").
///
/// A letter keeps the name it was written to. A rename keeps the old name as a *former name*
/// of the recipient (SETTINGS section 13, docs/FORMAT.md §6.2), so letters written to it still
/// follow that recipient's period and address: no rename can shorten a letter's cooling-off.
extension VaultSettings {
  /// One entry of section 13: `u32 recipient index` (into section 2), `text former name`.
  package struct FormerName: Equatable {
    package var recipient: UInt32
    package var name: String
  }

  /// The recipient whose current name is `name` (case-insensitively): the one commands
  /// such as `recipient edit` and `rules set --for` act on.
  package func recipientIndex(named name: String) -> Int? {
    recipients.firstIndex { $0.name.lowercased() == name.lowercased() }
  }

  /// The recipient a letter written to `name` belongs to: by current name, else by a former
  /// one. A name belongs to at most one recipient (adding and renaming refuse a taken one).
  package func recipientIndex(forLetterTo name: String) -> Int? {
    let key = name.lowercased()
    return recipientIndex(named: name)
      ?? recipients.firstIndex { $0.formerNames.contains { $0.lowercased() == key } }
  }

  // MARK: - Codec (docs/FORMAT.md §6.2, section 13)

  /// Written only when some recipient was renamed, so other vaults' SETTINGS stay as before.
  package func serializeFormerNames(into writer: inout ByteWriter) {
    let entries = recipients.indices.flatMap { index in
      recipients[index].formerNames.map { FormerName(recipient: UInt32(index), name: $0) }
    }
    guard !entries.isEmpty else { return }
    section(.formerNames, into: &writer) { body in
      body.u32(UInt32(entries.count))
      for entry in entries {
        body.u32(entry.recipient)
        body.text(entry.name)
      }
    }
  }

  package static func parseFormerNames(from body: inout ByteReader) throws(ByteReader.Malformed)
    -> [FormerName]
  {
    let count = try body.count(cap: 100_000, minimumElementSize: 6)
    var entries: [FormerName] = []
    for _ in 0..<count {
      entries.append(FormerName(recipient: try body.u32(), name: try body.text()))
    }
    return entries
  }

  /// Called once every section is read: each entry must name a recipient of section 2.
  package mutating func attach(_ entries: [FormerName]) throws(ByteReader.Malformed) {
    for entry in entries {
      guard Int(entry.recipient) < recipients.count, !entry.name.isEmpty else {
        throw .init(reason: "former name of no recipient")
      }
      recipients[Int(entry.recipient)].formerNames.append(entry.name)
    }
  }
}
