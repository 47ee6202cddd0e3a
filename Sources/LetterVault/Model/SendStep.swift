import Foundation
import VaultRecords

/// What `letters send` does next for one letter, decided by the library from the letter's
/// state, its delivery record and the fingerprint typed (``Vault/nextSendStep(_:confirming:)``).
/// The command only carries it out: ask, request, release or explain.
public enum SendStep: Sendable, Equatable {
  /// A delivery started on this date never recorded its outcome: the writer must say whether
  /// it arrived before anything else happens (never sent twice; FORMAT.md §19 "Delivery").
  case askWhetherItArrived(startedAt: Date)
  /// No send request yet: start the cooling-off.
  case startCoolingOff
  /// The time has not come. With a fingerprint the attempt still goes to the vault, which
  /// records what it saw of the clock (and at the very moment of release may let it go).
  case wait(until: Date, ReleaseWait, attemptWith: String?)
  /// The cooling-off is over and the fingerprint of the re-read text was given: release.
  case release(confirming: String)
  /// The cooling-off is over, but the text has not been re-read: show it and ask.
  case reRead
}
