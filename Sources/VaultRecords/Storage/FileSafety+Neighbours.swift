import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The vault's folder and SQLite's files beside the vault, checked like ssh's StrictModes
/// (FORMAT.md §8.3): whoever can write the folder can put a `-journal` there, and SQLite
/// rolls a hot journal back into the vault on the next open, whoever wrote it.
extension FileSafety {
  /// The files SQLite may open next to the vault.
  package static let companionSuffixes = ["-journal", "-wal", "-shm"]

  /// Refuses a folder others may write (unless it is sticky and the files are ours, as in
  /// `/tmp`) or that belongs to another user (but root), and a companion file that is not a
  /// regular file of ours, private to us.
  package static func checkNeighbours(of path: String) throws(StorageError) {
    let folder = (path as NSString).deletingLastPathComponent
    let directory = folder.isEmpty ? "." : folder
    var info = stat()
    guard stat(directory, &info) == 0 else {
      throw .io(path: directory, reason: String(cString: strerror(errno)))
    }
    guard info.st_uid == geteuid() || info.st_uid == 0 else {
      throw .unsafe(path: directory, reason: "the folder it is in belongs to another user")
    }
    if info.st_mode & (S_IWGRP | S_IWOTH) != 0 && info.st_mode & S_ISVTX == 0 {
      throw .unsafe(path: directory, reason: "other users may write to the folder it is in")
    }
    for suffix in companionSuffixes { try checkCompanion(path + suffix) }
  }

  /// Where a new vault would go: refused when something is there already, or when the folder
  /// exists and is one an open would refuse (``checkNeighbours(of:)``), so that `init` never
  /// makes a vault no later command opens. A missing folder is made private when the vault is.
  package static func checkPlaceForNewVault(_ path: String) throws(StorageError) {
    var info = stat()
    if lstat(path, &info) == 0 { throw .alreadyExists(path: path) }
    let folder = (path as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return }
    try checkNeighbours(of: path)
  }

  private static func checkCompanion(_ path: String) throws(StorageError) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }  // none: nothing to roll back
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw .unsafe(path: path, reason: "it is not a regular file")
    }
    guard info.st_uid == geteuid() else {
      throw .unsafe(path: path, reason: "it belongs to another user")
    }
    guard info.st_mode & (S_IWGRP | S_IWOTH) == 0 else {
      throw .unsafe(path: path, reason: "other users may write to it")
    }
  }
}
