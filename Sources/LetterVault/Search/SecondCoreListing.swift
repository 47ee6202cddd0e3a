import VaultRecords
import Dispatch
import Foundation

/// The LISTING rows of an indexed `search`, decrypted on the other core while this one reads
/// the TEXT INDEX (docs/PERFORMANCE.md), through a second read-only connection
/// (`VaultDatabase.secondReader`) with a cipher of its own, as the scan's upper half does
/// (SearchDesk+Scan.swift). It is started inside the caller's read transaction, whose SHARED
/// lock keeps every writer from committing, so both connections read the same state.
///
/// When the second connection cannot be opened or read at once, `wait` gives nil and the
/// caller reads the listing itself: slower, never different. Its fields are written by the
/// other thread only before `group` leaves, and read only after.
final class SecondCoreListing: @unchecked Sendable {
  private let desk: SearchDesk
  private let manifest: ManifestIndex
  private let group = DispatchGroup()
  private let lock = NSLock()
  private var stopped = false
  private var view: ListingView?

  init(desk: SearchDesk, manifest: ManifestIndex) {
    self.desk = desk
    self.manifest = manifest
  }

  func start() {
    group.enter()
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      defer { group.leave() }
      guard let reader = desk.records.secondReader() else { return }
      view = try? reader.read { tx in
        try tx.listingView(manifest, while: { [self] in !isStopped })
      }
    }
  }

  /// Tells the other thread that the listing is not needed: it decrypts no further row.
  func stop() {
    lock.withLock { stopped = true }
    group.wait()
  }

  private var isStopped: Bool { lock.withLock { stopped } }

  /// The listing, or nil when the caller must read it itself.
  func wait() -> ListingView? {
    group.wait()  // returns at once if never started
    return view
  }
}
