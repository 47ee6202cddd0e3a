import VaultRecords
import Dispatch
import Foundation

/// The letters of an export cut into runs of `length` letters, read and rendered by two
/// threads and handed back in plan order (docs/PERFORMANCE.md, ExchangeDesk+ExportBothCores.swift).
/// The calling thread takes the runs in order and works on one itself whenever the next one is
/// not ready; a helper thread on a second read-only connection takes the others. No run is
/// taken more than `ahead` runs past the last one handed back, so the bytes held stay bounded
/// whatever the size of the vault.
final class ExportRuns: @unchecked Sendable {
  /// What became of one run.
  enum Outcome {
    /// Its bytes (the letters before its first damaged one) and the damage it found.
    case done(bytes: [UInt8], damaged: [Damage])
    /// The helper could not read it (its connection failed): the calling thread reads it.
    case handedBack
  }

  static let length = 32
  static let ahead = 8

  let letters: Int
  let runs: Int
  private let condition = NSCondition()
  private var next = 0
  private var emitted = 0
  private var finished: [Int: Outcome] = [:]
  private var cancelled = false
  private let helper = DispatchGroup()

  init(letters: Int) {
    self.letters = letters
    runs = (letters + Self.length - 1) / Self.length
  }

  /// The plan positions of run `run`.
  func range(_ run: Int) -> Range<Int> { run * Self.length..<min(letters, (run + 1) * Self.length) }

  /// Starts `work` on another thread: it takes runs until none is left (or the export ends)
  /// and returns; `work` gets a way to take the next run and to hand back its outcome.
  /// What `work` captures is its own (a connection, a cipher with its own key scratch, a
  /// stream with its own formatters) or only read until ``stop()`` returns (the plan, the
  /// manifest index, the settings), hence the unchecked box.
  func startHelper(_ work: @escaping (ExportRuns) -> Void) {
    let box = UncheckedWork(work: work)
    helper.enter()
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      defer { helper.leave() }
      box.work(self)
    }
  }

  /// The next run for the helper, waiting while it would run too far ahead; nil when none is
  /// left or the export ended.
  func take() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while !cancelled, next < runs, next >= emitted + Self.ahead { condition.wait() }
    guard !cancelled, next < runs else { return nil }
    defer { next += 1 }
    return next
  }

  /// Records what became of `run`.
  func finish(_ run: Int, _ outcome: Outcome) {
    condition.lock()
    finished[run] = outcome
    condition.broadcast()
    condition.unlock()
  }

  /// Hands every run back in order to `emit`; works on a run with `read` whenever the next
  /// one is not ready and another may be taken. Returns when every run was handed to `emit`
  /// or `emit` returned false.
  func inOrder(
    read: (Int) throws -> Outcome, emit: (Int, [UInt8], [Damage]) throws -> Bool
  ) rethrows {
    while true {
      condition.lock()
      guard emitted < runs else { return condition.unlock() }
      if let outcome = finished.removeValue(forKey: emitted) {
        let run = emitted
        emitted += 1
        condition.broadcast()
        condition.unlock()
        switch outcome {
        case .done(let bytes, let damaged): guard try emit(run, bytes, damaged) else { return }
        case .handedBack:
          guard case .done(let bytes, let damaged) = try read(run), try emit(run, bytes, damaged) else { return }
        }
      } else if next < runs, next < emitted + Self.ahead {
        let run = next
        next += 1
        condition.unlock()
        let outcome = try read(run)
        finish(run, outcome)
      } else {
        condition.wait()
        condition.unlock()
      }
    }
  }

  /// Ends the export for the helper and waits until it has left.
  func stop() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
    helper.wait()
  }
}

/// The helper's work, handed to another thread (see ``ExportRuns/startHelper(_:)``).
private struct UncheckedWork: @unchecked Sendable {
  let work: (ExportRuns) -> Void
}
