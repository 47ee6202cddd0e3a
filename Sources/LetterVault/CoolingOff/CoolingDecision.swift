import VaultRecords
import Foundation

/// What ``CoolingPolicy`` says about one send request at one reading.
struct CoolingDecision: Equatable {
  /// nil when the letter may go now; otherwise why it waits.
  var wait: ReleaseWait?
  /// The next moment (ms) it may go: now when it may, else the first moment at which every
  /// check can pass — never a moment already past. For an untrusted clock, now: no time can
  /// be named.
  var nextMoment: Int64

  var mayGo: Bool { wait == nil }

  /// The public view of a held letter with a request.
  var sendStatus: SendStatus {
    guard let wait else { return .ready }
    return .waiting(until: Date(storedMilliseconds: nextMoment), wait)
  }
}
