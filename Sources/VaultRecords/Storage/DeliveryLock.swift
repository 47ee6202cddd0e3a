import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on `<vault_id hex>.delivery` in the device state directory, held
/// while a mail command runs (FORMAT.md §19 "Delivery"). The kernel drops the lock when the
/// holder ends, however it ends, so an open attempt whose lock is free belongs to a process
/// that is gone — and one whose lock is held is still running and must not be answered for.
package final class DeliveryLock {
  private let fd: Int32

  private init(fd: Int32) { self.fd = fd }

  deinit {
    flock(fd, LOCK_UN)
    close(fd)
  }

  /// Takes the lock, or throws ``StorageError/busy`` when another delivery of this vault holds it.
  package static func acquire(_ path: String) throws(StorageError) -> DeliveryLock {
    try FileSafety.makePrivateDirectory((path as NSString).deletingLastPathComponent)
    let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let busy = errno == EWOULDBLOCK
      let reason = String(cString: strerror(errno))
      close(fd)
      throw busy ? .busy : .io(path: path, reason: reason)
    }
    return DeliveryLock(fd: fd)
  }

  /// True when a delivery (in this process or another) holds the lock right now.
  package static func isHeld(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
    flock(fd, LOCK_UN)
    return false
  }
}
