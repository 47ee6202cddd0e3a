#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file's device and inode: the same path can name another file after a rename.
package struct FileIdentity: Equatable {
  package let device: UInt64
  package let inode: UInt64

  /// The identity of what `path` names now; nil when it cannot be read.
  package init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}
