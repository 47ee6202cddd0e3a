/// Why a letter cannot be released yet.
public enum ReleaseWait: Sendable, Equatable {
  /// Its cooling-off period is not over.
  case coolingOff
  /// It is inside the vault's quiet hours.
  case quietHours
  /// The clock disagrees with what the vault has seen (set back, or moved without a
  /// restart); the letter waits until the clocks agree again.
  case clock
  /// The clocks cannot be believed at this moment (``ClockDoubt``): nothing is released
  /// until they can, and there is no time to name.
  case untrustedClock(ClockDoubt)
}
