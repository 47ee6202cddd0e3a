import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One run of `$VISUAL`/`$EDITOR` on a private scratch file (FORMAT.md §12.3).
///
/// The file lives in a fresh 0700 directory on tmpfs, is created 0600 with `O_EXCL`, has a
/// neutral name (editors record paths in their history), and is overwritten and removed on
/// every path: normal exit, editor failure, an error of ours, or a signal.
struct EditorSession {
  let base: String

  /// Finds the scratch base, asking before falling back to disk (never without a terminal).
  static func make() throws -> EditorSession {
    if let base = ScratchDirectory.base() { return EditorSession(base: base) }
    let fallback = NSTemporaryDirectory()
    guard
      TerminalPrompt.confirm(
        "There is no memory-backed folder here, so the text would be written to \(fallback) while you edit. Use it?")
    else { throw CLIError.noPrivateScratch }
    return EditorSession(base: fallback)
  }

  /// Opens the editor on `initial` and returns what was saved.
  func edit(_ initial: [UInt8]) throws -> [UInt8] {
    let template = base + "/" + ScratchDirectory.prefix + "\(getpid()).XXXXXXXX"
    var templateBytes = Array(template.utf8CString)
    guard mkdtemp(&templateBytes) != nil else {
      throw CLIError.invalidArgument("cannot create a private folder in \(base)")
    }
    let directory = String(cString: templateBytes)
    let file = directory + "/letter.txt"
    SignalCleanup.registerScratch(file: file, directory: directory)
    defer {
      Self.destroy(file: file, directory: directory)
      SignalCleanup.clearScratch()
    }
    try Self.writeNew(file, initial)
    let status = try run(file)
    guard status == 0 else { throw CLIError.editorFailed(status: status) }
    if SignalCleanup.interrupted { throw CLIError.interrupted }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw CLIError.emptyLetter
    }
    return [UInt8](data)
  }

  private func run(_ file: String) throws -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // Like git: the editor string may carry its own arguments ("code --wait").
    process.arguments = ["-c", editor + " \"$@\"", "editor"] + Self.privacyFlags(for: editor) + [file]
    process.environment = ChildEnvironment.scrubbed()
    SignalCleanup.childRunning = true
    defer { SignalCleanup.childRunning = false }
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// vim and nvim without swap, undo, backup or history files (jrnl's documented options).
  static func privacyFlags(for editor: String) -> [String] {
    let program = (editor.split(separator: " ").first.map(String.init) ?? "")
      .split(separator: "/").last.map(String.init) ?? ""
    let settings = "set noswapfile noundofile nobackup nowritebackup noshelltemp history=0 nomodeline"
    switch program {
    case "vim", "vi", "gvim", "vim.basic", "vim.tiny":
      return ["-n", "-i", "NONE", "--cmd", settings + " viminfo="]
    case "nvim":
      return ["-n", "-i", "NONE", "--cmd", settings + " shada="]
    default:
      return []
    }
  }

  private static func writeNew(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw CLIError.invalidArgument("cannot create the scratch file") }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      guard written > 0 else { throw CLIError.invalidArgument("cannot write the scratch file") }
      offset += written
    }
  }

  /// Overwrites the file with zeros, then removes it and its directory.
  static func destroy(file: String, directory: String) {
    let fd = open(file, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
    if fd >= 0 {
      var info = stat()
      if fstat(fd, &info) == 0, info.st_size > 0 {
        let zeros = [UInt8](repeating: 0, count: 65536)
        var left = Int(info.st_size)
        while left > 0 {
          let chunk = min(left, zeros.count)
          guard zeros.withUnsafeBytes({ write(fd, $0.baseAddress, chunk) }) == chunk else { break }
          left -= chunk
        }
        fsync(fd)
      }
      close(fd)
    }
    unlink(file)
    // Editors may leave their own files beside ours (backups we could not switch off).
    if let extra = try? FileManager.default.contentsOfDirectory(atPath: directory) {
      for name in extra { unlink(directory + "/" + name) }
    }
    rmdir(directory)
  }
}
