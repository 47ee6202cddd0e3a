import VaultRecords
import Dispatch
import Foundation

/// One read done on the other core while this one does another (docs/PERFORMANCE.md): the
/// scan of `search` walks the upper half of the key space there. (The indexed search read the
/// listing there until round 10; it now reads none at all for a word in few letters.) It goes through a second read-only
/// connection (`VaultDatabase.secondReader`) with a cipher of its own (own scratch buffers).
/// It is started inside the caller's read transaction, whose SHARED lock keeps every writer
/// from committing, so both connections read the same state.
///
/// When the second connection cannot be opened or read at once, or the read fails, `wait`
/// gives nil and the caller does the work itself, through its own connection, meeting (and
/// reporting) whatever there is to meet: slower, never different. `value` is written by the
/// other thread only before `group` leaves, and read only after.
final class SecondCoreRead<Value>: @unchecked Sendable {
  private let desk: SearchDesk
  private let lock = NSLock()
  private var stopped = false
  private let group = DispatchGroup()
  private var value: Value?
  private var read: ((RecordTransaction, _ keepGoing: () -> Bool) throws -> Value?)?

  init(desk: SearchDesk) {
    self.desk = desk
  }

  /// Starts `read` on the other core; its `keepGoing` turns false once `stop` is called.
  func start(_ read: @escaping (RecordTransaction, _ keepGoing: () -> Bool) throws -> Value?) {
    self.read = read
    group.enter()
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      defer { group.leave() }
      guard let reader = desk.records.secondReader(), let read = self.read else { return }
      value = try? reader.read { tx in try read(tx, { [self] in !isStopped }) }
    }
  }

  /// Tells the other thread that its result is not needed, and waits for it to end.
  func stop() {
    lock.withLock { stopped = true }
    group.wait()
  }

  private var isStopped: Bool { lock.withLock { stopped } }

  /// The result, or nil when the caller must do the work itself.
  func wait() -> Value? {
    group.wait()  // returns at once if never started
    return value
  }
}
