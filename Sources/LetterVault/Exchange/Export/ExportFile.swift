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
///
/// Written in pieces as the letters are read (``append(_:)``, docs/PERFORMANCE.md); nothing
/// is at `path` until ``finish()``, and a file that is not finished is removed.
public final class ExportFile {
  private let path: String
  private let replacing: Bool
  private let temporary: String
  private var fd: Int32
  private var buffer: [UInt8] = []
  private var finished = false

  /// Creates the temporary file for `path`. Without `replacing`, an existing file is left
  /// untouched and ``VaultError/outputExists(path:)`` is thrown, here and again at
  /// ``finish()``, where the check and the move are one step (`link(2)`), so a file
  /// appearing meanwhile is not overwritten either.
  public init(path: String, replacing: Bool) throws(VaultError) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    if !replacing, FileManager.default.fileExists(atPath: path) || Self.isSymlink(path) {
      throw .outputExists(path: path)
    }
    var template = Array((directory + "/." + url.lastPathComponent + ".tmp.XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
    fchmod(fd, 0o600)
    self.fd = fd
    self.path = path
    self.replacing = replacing
    temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  deinit { discard() }

  /// Writes `bytes` to the path in one go (create, write, finish).
  public static func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws(VaultError) {
    let file = try ExportFile(path: path, replacing: replacing)
    try file.append(bytes)
    try file.finish()
  }

  /// Adds `bytes` to the file, through a 256 KiB buffer.
  public func append(_ bytes: [UInt8]) throws(VaultError) {
    buffer += bytes
    if buffer.count >= 1 << 18 { try flush() }
  }

  /// Writes out the buffer, `fsync`s, and moves the file into place.
  public func finish() throws(VaultError) {
    try flush()
    guard fsync(fd) == 0 else { throw failure() }
    close(fd)
    fd = -1
    if replacing {
      guard rename(temporary, path) == 0 else { throw failure() }
    } else {
      guard link(temporary, path) == 0 else {
        if errno == EEXIST { throw .outputExists(path: path) }
        throw failure()
      }
      unlink(temporary)
    }
    finished = true
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryFD >= 0 {
      fsync(directoryFD)
      close(directoryFD)
    }
  }

  /// Removes the temporary file unless ``finish()`` moved it into place.
  public func discard() {
    if fd >= 0 {
      close(fd)
      fd = -1
    }
    if !finished {
      unlink(temporary)
      finished = true
    }
  }

  private func flush() throws(VaultError) {
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { raw in Self.systemWrite(fd, raw.baseAddress! + offset, raw.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw failure()
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  private func failure() -> VaultError {
    .io(path: path, reason: String(cString: strerror(errno)))
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
