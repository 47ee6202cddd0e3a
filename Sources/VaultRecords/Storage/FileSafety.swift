import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// File-system checks around the vault file (FORMAT.md §8.3, SECURITY.md §2.8).
package enum FileSafety {
  /// Creates `path` (and parents) with mode 0700 when missing.
  package static func makePrivateDirectory(_ path: String) throws(StorageError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw .io(path: path, reason: "not a directory")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw .io(path: path, reason: "the directory could not be created")
    }
  }

  /// Creates an empty 0600 file, failing if anything exists there already. SQLite creates its
  /// journal with the database's mode, so 0600 here keeps the journal private too.
  package static func createExclusive(_ path: String) throws(StorageError) {
    let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
    if fd < 0 {
      if errno == EEXIST { throw .alreadyExists(path: path) }
      throw .io(path: path, reason: String(cString: strerror(errno)))
    }
    fchmod(fd, 0o600)
    close(fd)
  }

  /// Refuses a missing file, a symlink, a file owned by someone else, or one that others may
  /// write (they could swap records under us).
  package static func checkExistingVault(_ path: String) throws(StorageError) {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno == ENOENT { throw .notFound(path: path) }
      throw .io(path: path, reason: String(cString: strerror(errno)))
    }
    if (info.st_mode & S_IFMT) == S_IFLNK {
      throw .unsafe(path: path, reason: "it is a symbolic link")
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw .unsafe(path: path, reason: "it is not a regular file")
    }
    guard info.st_uid == geteuid() else {
      throw .unsafe(path: path, reason: "it belongs to another user")
    }
    guard info.st_mode & (S_IWGRP | S_IWOTH) == 0 else {
      throw .unsafe(path: path, reason: "other users may write to it")
    }
    try checkNeighbours(of: path)
  }
}
