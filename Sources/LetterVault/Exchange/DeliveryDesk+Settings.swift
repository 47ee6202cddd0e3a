import VaultRecords
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

/// Delivery through the user's own mail command (README "Copies out, letters in, delivery";
/// FORMAT.md §19 "Delivery"). A letter is never delivered twice: the attempt
/// is recorded (META `delivery_started_at`) in its own transaction before the command runs,
/// and the outcome in another after it. If letters stops in between, the attempt stays
/// recorded without an outcome, and every later delivery of that letter is refused with
/// ``VaultError/deliveryUnresolved(letter:startedAt:)`` until the writer says whether it
/// went out (``resolveDelivery(_:wentOut:)``).
extension DeliveryDesk {
  func deliveryConfiguration() throws(VaultError) -> DeliveryConfiguration? {
    try records.read { tx in
      let settings = try tx.loadSettings(manifest: try tx.loadManifest())
      return settings.delivery.map { DeliveryConfiguration(command: $0.command, from: $0.from) }
    }
  }

  func setDelivery(_ configuration: DeliveryConfiguration) throws(VaultError) {
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

  func unresolvedDelivery(_ id: LetterID) throws(VaultError) -> Date? {
    let started = try records.read { tx in
      let (meta, _) = try tx.loadMeta(id, manifest: try tx.loadManifest())
      return meta.deliveryStartedAt == 0 ? nil : Date(storedMilliseconds: meta.deliveryStartedAt)
    }
    if started != nil { try refuseWhileDelivering() }
    return started
  }

  func deliveryAddress(_ id: LetterID) throws(VaultError) -> String? {
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

  func resolveDelivery(_ id: LetterID, wentOut: Bool) throws(VaultError) {
    try refuseWhileDelivering()
    let now = clock.now().storedMilliseconds
    try mutate { tx, manifest in
      try tx.update(id, in: &manifest) { meta, manifest in
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
      }
    }
  }
}
