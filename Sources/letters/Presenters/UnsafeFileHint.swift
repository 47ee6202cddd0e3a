import Foundation

/// The fix for a vault letters will not open (FORMAT.md §8.3): which depends on what was
/// refused, the vault file, its folder, or a file SQLite left beside it.
enum UnsafeFileHint {
  static func text(for path: String) -> String {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      // A folder only its owner can write was refused for being a folder: the vault was named
      // by its folder (found at a real terminal, where this hint said `chmod go-w`).
      var status = stat()
      if stat(path, &status) == 0, status.st_mode & (S_IWGRP | S_IWOTH) == 0 {
        return "\(path) is a folder; name the vault file itself, such as \((path as NSString).appendingPathComponent("letters.db"))"
      }
      return "`chmod go-w \(path)` so only you can write the folder, or move the vault to a folder that is yours alone"
    }
    if ["-journal", "-wal", "-shm"].contains(where: path.hasSuffix) {
      return "this file is not one letters made; move it out of the folder (it may hold someone else's changes), make the folder yours alone, then try again"
    }
    return "`chmod 600` the vault file, or move it somewhere only you can write"
  }
}
