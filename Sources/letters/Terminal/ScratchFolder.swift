import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One private folder on tmpfs holding the editor's `letter.txt` (FORMAT.md §12.3), and
/// whatever the editor puts beside it.
///
/// Editors leave side files with the letter's text next to the file they edit: vim's
/// `letter.txt~` and `.letter.txt.swp`, nano's `letter.txt.save` when it is killed, emacs's
/// `#letter.txt#` and `.#letter.txt`. The flags in ``EditorCommand`` switch off what they can;
/// ``destroy(_:)`` removes everything in the folder, overwriting each regular file first, on
/// every path, after the editor has ended (a file written by an editor still dying would
/// otherwise survive).
struct ScratchFolder {
  static let fileName = "letter.txt"
  let directory: String
  var file: String { directory + "/" + Self.fileName }

  /// A fresh 0700 folder `letters-edit.<pid>.XXXXXXXX` in `base`, with `initial` in a 0600 file
  /// created with `O_EXCL` (the pid tells a later run whose folder a leftover was).
  static func create(in base: String, holding initial: [UInt8]) throws -> ScratchFolder {
    let template = base + "/" + ScratchDirectory.prefix + "\(getpid()).XXXXXXXX"
    var templateBytes = Array(template.utf8CString)
    guard mkdtemp(&templateBytes) != nil else {
      throw CLIError.invalidArgument("cannot create a private folder in \(base)")
    }
    let folder = ScratchFolder(directory: String(cString: templateBytes))
    do {
      try folder.writeNew(initial)
    } catch {
      destroy(folder.directory)
      throw error
    }
    return folder
  }

  /// What the editor saved, or nil when the file is gone.
  func saved() -> [UInt8]? {
    FileManager.default.contents(atPath: file).map { [UInt8]($0) }
  }

  private func writeNew(_ bytes: [UInt8]) throws {
    let fd = open(file, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw CLIError.invalidArgument("cannot create the scratch file") }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      guard written > 0 else { throw CLIError.invalidArgument("cannot write the scratch file") }
      offset += written
    }
  }

  /// Overwrites every regular file in `directory` (and below) with zeros, removes them, then
  /// the folder. Symbolic links (emacs's lock) are removed, never followed.
  static func destroy(_ directory: String, depth: Int = 0) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    for name in names {
      let path = directory + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFDIR where depth < 4: destroy(path, depth: depth + 1)
      case S_IFREG:
        overwrite(path)
        unlink(path)
      default: unlink(path)
      }
    }
    rmdir(directory)
  }

  private static func overwrite(_ path: String) {
    let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_size > 0 else { return }
    let zeros = [UInt8](repeating: 0, count: 65536)
    var left = Int(info.st_size)
    while left > 0 {
      let chunk = min(left, zeros.count)
      guard zeros.withUnsafeBytes({ write(fd, $0.baseAddress, chunk) }) == chunk else { break }
      left -= chunk
    }
    fsync(fd)
  }
}
