import VaultRecords
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes an export file the way SECURITY.md §2.8 asks: a `name.tmp.XXXXXX` file created 0600
/// with `O_EXCL` in the same directory, written, `fsync`ed, then moved into place and the
/// directory `fsync`ed. A crash leaves either no file or the whole file, never half a letter.
public enum ExportFile {
  /// Writes `bytes` to `path`. Without `replacing`, an existing file is left untouched and
  /// ``VaultError/outputExists(path:)`` is thrown; the check and the move are one step
  /// (`link(2)`), so a file appearing meanwhile is not overwritten either.
  public static func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws(VaultError) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    if !replacing, FileManager.default.fileExists(atPath: path) || isSymlink(path) {
      throw .outputExists(path: path)
    }
    var template = Array((directory + "/." + url.lastPathComponent + ".tmp.XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var done = false
    defer {
      if !done { unlink(temporary) }
    }
    fchmod(fd, 0o600)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { raw in
        systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        close(fd)
        throw .io(path: path, reason: reason)
      }
      offset += written
    }
    guard fsync(fd) == 0 else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw .io(path: path, reason: reason)
    }
    close(fd)
    if replacing {
      guard rename(temporary, path) == 0 else {
        throw .io(path: path, reason: String(cString: strerror(errno)))
      }
    } else {
      guard link(temporary, path) == 0 else {
        if errno == EEXIST { throw .outputExists(path: path) }
        throw .io(path: path, reason: String(cString: strerror(errno)))
      }
      unlink(temporary)
    }
    done = true
    let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryFD >= 0 {
      fsync(directoryFD)
      close(directoryFD)
    }
  }

  private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(fd, buffer, count)
    #else
      Darwin.write(fd, buffer, count)
    #endif
  }

  private static func isSymlink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }
}
