import CSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Finds a RAM-backed place for the editor's scratch file (FORMAT.md §12.3, SECURITY.md §2.8):
/// `$XDG_RUNTIME_DIR` when it is ours, 0700 and on tmpfs; else `/dev/shm`.
enum ScratchDirectory {
  static let prefix = "letters-edit."
  private static let tmpfsMagic: UInt = 0x0102_1994
  private static let ramfsMagic: UInt = 0x8584_58f6

  /// The base directory, or nil when no memory-backed directory exists.
  static func base() -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let runtime = environment["XDG_RUNTIME_DIR"], isPrivateMemoryDirectory(runtime) {
      return runtime
    }
    if isMemoryBacked("/dev/shm") { return "/dev/shm" }
    return nil
  }

  static func isMemoryBacked(_ path: String) -> Bool {
    let type = UInt(letters_filesystem_type(path))
    return type == tmpfsMagic || type == ramfsMagic
  }

  private static func isPrivateMemoryDirectory(_ path: String) -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
      info.st_uid == geteuid(), info.st_mode & 0o077 == 0
    else { return false }
    return isMemoryBacked(path)
  }

  /// Scratch directories left by an editing session that was killed; each holds unsaved text.
  static func leftovers(in base: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
    return names.filter { $0.hasPrefix(prefix) }.compactMap { name in
      let parts = name.split(separator: ".")
      guard parts.count == 3, let pid = pid_t(parts[1]) else { return nil }
      // Still running (another letters process): not ours to touch.
      if kill(pid, 0) == 0 || errno == EPERM { return nil }
      var info = stat()
      let path = base + "/" + name
      guard lstat(path, &info) == 0, info.st_uid == geteuid() else { return nil }
      return path
    }
  }
}
