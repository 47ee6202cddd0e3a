import Foundation
import LetterVault

/// The one way a letter whose time has come leaves, for `send` and `review` alike
/// (docs/COOLING-OFF.md "How it works", step 4): delivered by the mail command when its
/// recipient has an address and a command is set up; refused with a hint when there is an
/// address and no command; recorded as sent by hand when it has no address or when asked.
struct LetterRelease {
  enum Outcome {
    case delivered(DeliveryReceipt)
    case byHand(Date)
  }

  let vault: Vault
  let id: LetterID
  /// `--by-hand`: the writer sent it or handed it over themself.
  var byHand = false

  /// The address it is about to be delivered to, or nil when it goes by hand.
  func address() throws -> String? { byHand ? nil : try vault.deliveryAddress(id) }

  func go(confirming fingerprint: String) throws -> Outcome {
    if let _ = try address() {
      return .delivered(
        try vault.deliver(id, confirming: fingerprint, environment: ChildEnvironment.scrubbed()))
    }
    return .byHand(try vault.release(id, confirming: fingerprint, how: .byHand))
  }

  /// Says where it is going, sends it, and says what happened. `expectedToGo` is false when
  /// the status said it must still wait (`send` makes the attempt so the vault records what
  /// it saw of the clock): then nothing announces a delivery.
  func announceAndGo(confirming fingerprint: String, expectedToGo: Bool = true) throws {
    if expectedToGo, let address = try address() {
      Console.info("delivering letter \(id.short) to \(address)…")
    }
    Console.info(try go(confirming: fingerprint).sentence(id))
  }
}
