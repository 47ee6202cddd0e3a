import VaultRecords
/// How far a long piece of work has come: `done` of `total` letters in `phase`.
///
/// The library never prints (ARCHITECTURE.md "The layers"): `importLetters`, `exportBundle`, `verify` and
/// `merge` take an optional ``ProgressHandler`` and call it on the caller's thread, with `done`
/// going up from 0 to `total` within each phase. What to show, if anything, is the caller's
/// choice (the command line draws one line on a terminal).
public struct VaultProgress: Sendable, Equatable {
  /// What is being done.
  public enum Phase: String, Sendable, Equatable {
    /// Writing imported letters into the vault.
    case importing
    /// Reading letters for an export.
    case exporting
    /// Decrypting and checking every letter (`verify`).
    case verifying
    /// Checking every letter of the other copy before a merge.
    case checkingCopy
    /// Comparing and bringing in the other copy's letters.
    case merging
    /// Sealing every letter again under new keys (`passwd`, `recovery remove`).
    case rekeying
  }

  /// What is being done.
  public let phase: Phase
  /// Letters finished so far in this phase.
  public let done: Int
  /// Letters in this phase.
  public let total: Int

  /// Creates a progress report.
  public init(phase: Phase, done: Int, total: Int) {
    self.phase = phase
    self.done = done
    self.total = total
  }
}

/// Called while long work goes on, on the caller's thread, at most about a hundred times per
/// phase (at the start, after every 1 % or so, and at the end).
public typealias ProgressHandler = (VaultProgress) -> Void

/// Calls a ``ProgressHandler`` at a modest rate: at 0, whenever another 1 % is done, and at
/// `total`. Every call has a larger `done` than the last.
struct ProgressMeter {
  let handler: ProgressHandler?
  let phase: VaultProgress.Phase
  let total: Int
  private let step: Int
  private var reported = -1

  /// Starts the phase (reports 0 of `total`).
  init(_ handler: ProgressHandler?, phase: VaultProgress.Phase, total: Int) {
    self.handler = handler
    self.phase = phase
    self.total = total
    step = max(1, (total + 99) / 100)
    report(0)
  }

  /// One more letter is done.
  mutating func advance(to done: Int) {
    guard handler != nil, done > reported, done - reported >= step || done >= total else { return }
    report(Swift.min(done, total))
  }

  /// The phase is over (reports `total` if that was not yet said).
  mutating func finish() { if reported < total { report(total) } }

  private mutating func report(_ done: Int) {
    guard let handler, done > reported else { return }
    reported = done
    handler(VaultProgress(phase: phase, done: done, total: total))
  }
}
