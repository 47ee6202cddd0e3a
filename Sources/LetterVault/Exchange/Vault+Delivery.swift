import Foundation

/// How letters are delivered, as configured by `letters delivery set`.
public struct DeliveryConfiguration: Sendable, Equatable {
  /// The sendmail-compatible command, run with `/bin/sh -c` (`msmtp -t`, `sendmail -t -i`).
  public var command: String
  /// The `From:` address, "" to let the command choose.
  public var from: String

  /// Creates a configuration.
  public init(command: String, from: String = "") {
    self.command = command
    self.from = from
  }
}

/// What a delivery did.
public struct DeliveryReceipt: Sendable, Equatable {
  /// The address it went to.
  public let address: String
  /// When it was recorded as sent.
  public let sentAt: Date
}

/// Delivery through the user's own mail command (product.md "Delivery";
/// FORMAT.md §19 "Delivery"). A letter is never delivered twice: the attempt
/// is recorded (META `delivery_started_at`) in its own transaction before the command runs,
/// and the outcome in another after it. If letters stops in between, the attempt stays
/// recorded without an outcome, and every later delivery of that letter is refused with
/// ``VaultError/deliveryUnresolved(letter:startedAt:)`` until the writer says whether it
/// went out (``resolveDelivery(_:wentOut:)``).
extension Vault {
  /// The delivery configuration, nil when none is set.
  public func deliveryConfiguration() throws(VaultError) -> DeliveryConfiguration? {
    try records.read { tx in
      let settings = try tx.loadSettings(manifest: try tx.loadManifest())
      return settings.delivery.map { DeliveryConfiguration(command: $0.command, from: $0.from) }
    }
  }

  /// Stores the delivery command and sender address inside the vault.
  public func setDelivery(_ configuration: DeliveryConfiguration) throws(VaultError) {
    let command = configuration.command.trimmingCharacters(in: .whitespaces)
    guard !command.isEmpty, !command.contains("\n"), command.utf8.count <= 1024 else {
      throw .invalidInput(.deliveryCommandLines)
    }
    guard configuration.from.isEmpty || MailAddress.isPlausibleAddress(configuration.from) else {
      throw .invalidInput(.notAnEmailAddress(configuration.from))
    }
    try mutate { tx, manifest in
      var settings = try tx.loadSettings(manifest: manifest)
      settings.delivery = DeliverySettings(command: command, from: configuration.from)
      try tx.saveSettings(settings, manifest: &manifest)
    }
  }

  /// When a delivery of `id` was started whose outcome was never recorded; nil when none.
  /// Throws ``VaultError/busy`` while another process is still running that delivery: its
  /// outcome is coming, and nobody should answer for it.
  public func unresolvedDelivery(_ id: LetterID) throws(VaultError) -> Date? {
    let started = try records.read { tx in
      let (meta, _) = try tx.loadMeta(id, manifest: try tx.loadManifest())
      return meta.deliveryStartedAt == 0 ? nil : Date(storedMilliseconds: meta.deliveryStartedAt)
    }
    if started != nil { try refuseWhileDelivering() }
    return started
  }

  /// The address a release of `id` would be delivered to: the recipient's email when a mail
  /// command is set up; nil when the letter goes by hand (no address, or no recipient).
  /// Throws ``VaultError/notAllowed(_:)`` when the recipient has an address but no mail
  /// command is set up, so a letter meant for delivery is not recorded as sent by mistake.
  public func deliveryAddress(_ id: LetterID) throws(VaultError) -> String? {
    try records.read { tx in
      let manifest = try tx.loadManifest()
      let (meta, _) = try tx.loadMeta(id, manifest: manifest)
      let settings = try tx.loadSettings(manifest: manifest)
      let recipient = settings.recipientIndex(forLetterTo: meta.recipient).map { settings.recipients[$0] }
      guard let address = recipient?.email, !address.isEmpty else { return nil }
      guard settings.delivery != nil else {
        throw VaultError.notAllowed(.addressWithoutMailCommand(recipient: meta.recipient))
      }
      return address
    }
  }

  /// Records that an unresolved delivery went out (the letter becomes sent, "delivered") or
  /// did not (the letter stays held and can be delivered again).
  ///
  /// Throws ``VaultError/busy`` while a delivery of this vault is still running.
  public func resolveDelivery(_ id: LetterID, wentOut: Bool) throws(VaultError) {
    try refuseWhileDelivering()
    let now = clock.now().storedMilliseconds
    try mutate { tx, manifest in
      var (meta, version) = try tx.loadMeta(id, manifest: manifest)
      guard meta.deliveryStartedAt != 0, meta.state == .held else {
        throw VaultError.notAllowed(.noDeliveryWaiting(id))
      }
      let startedAt = meta.deliveryStartedAt
      meta.deliveryStartedAt = 0
      meta.updatedAt = now
      if wentOut {
        // It left when the command ran, not when the writer answered.
        meta.state = .sent
        meta.sentAt = startedAt
        meta.sentHow = 2
        meta.deliveryError = ""
        meta.events.append(.init(at: now, kind: .sent, revision: meta.headRevision, detail: "delivered (confirmed by you)"))
      } else {
        meta.deliveryError = "an earlier delivery was interrupted; it did not go out"
        meta.events.append(
          .init(at: now, kind: .deliveryFailed, revision: meta.headRevision, detail: meta.deliveryError))
      }
      try tx.storeMeta(meta, for: id, version: version + 1, manifest: &manifest)
    }
  }
}
