import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading and atomically replacing the small device-local files next to no vault: the
/// watermark `<vault_id hex>.state` (SECURITY.md §2.4, §3.7). Never synced, never in the
/// vault's directory.
package enum DeviceStateFile {
  /// Another device's state directory, for code acting as a second computer in one process
  /// (the merge tests). Scoped to a task, never a global switch.
  @TaskLocal package static var directoryOverride: String?

  /// `$XDG_STATE_HOME/letters`, else `~/.local/state/letters`.
  package static func defaultDirectory() -> String? {
    if let directoryOverride { return directoryOverride }
    // `getenv`, not `ProcessInfo.environment`, which builds a dictionary of every variable
    // on each call (docs/PERFORMANCE.md, round 6).
    if let state = getenv("XDG_STATE_HOME").map({ String(cString: $0) }), state.hasPrefix("/") {
      return state + "/letters"
    }
    let home = NSHomeDirectory()
    guard home.hasPrefix("/") else { return nil }
    return home + "/.local/state/letters"
  }

  /// The file's bytes, or nil when it does not exist or cannot be read. Refuses a symlink.
  package static func contents(of path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: 4096)
    let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard count >= 0 else { return nil }
    return Array(bytes.prefix(count))
  }

  /// Writes `bytes` to a fresh 0600 temporary file in the same directory, fsyncs it, renames
  /// it over `path` and fsyncs the directory: readers see the old file or the new, never half.
  package static func replace(_ path: String, with bytes: [UInt8]) throws(StorageError) {
    let directory = (path as NSString).deletingLastPathComponent
    try FileSafety.makePrivateDirectory(directory)
    var template = Array((path + ".tmp.XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
    let temporary = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var done = false
    defer {
      if !done { unlink(temporary) }
    }
    fchmod(fd, 0o600)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    let synced = fsync(fd)
    close(fd)
    guard written == bytes.count, synced == 0, rename(temporary, path) == 0 else {
      throw .io(path: path, reason: String(cString: strerror(errno)))
    }
    done = true
    let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryFD >= 0 {
      fsync(directoryFD)
      close(directoryFD)
    }
  }
}
