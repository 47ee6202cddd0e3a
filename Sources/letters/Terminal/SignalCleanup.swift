import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Restores the terminal and removes the editor's scratch file when a signal arrives
/// (security.md §3.1 step 4). Signal handlers cannot capture context, so the state they need
/// is kept in fixed C buffers set up before the risky section starts.
enum SignalCleanup {
  nonisolated(unsafe) private static var scratchFile = [CChar](repeating: 0, count: 4096)
  nonisolated(unsafe) private static var scratchDirectory = [CChar](repeating: 0, count: 4096)
  nonisolated(unsafe) private static var savedTerminal = termios()
  nonisolated(unsafe) private static var terminalFD: Int32 = -1
  /// Set while a child (editor, pager) owns the terminal: we wait for it instead of dying.
  nonisolated(unsafe) static var childRunning = false
  nonisolated(unsafe) static var interrupted = false

  static func install() {
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber) { number in
        if SignalCleanup.childRunning && number == SIGINT {
          SignalCleanup.interrupted = true
          return
        }
        SignalCleanup.cleanUp()
        _exit(128 + number)
      }
    }
  }

  /// Removes the scratch file and directory and restores the terminal. Async-signal-safe.
  static func cleanUp() {
    if terminalFD >= 0 { tcsetattr(terminalFD, TCSAFLUSH, &savedTerminal) }
    if scratchFile[0] != 0 { unlink(&scratchFile) }
    if scratchDirectory[0] != 0 { rmdir(&scratchDirectory) }
  }

  static func registerScratch(file: String, directory: String) {
    copy(file, into: &scratchFile)
    copy(directory, into: &scratchDirectory)
  }

  static func clearScratch() {
    scratchFile[0] = 0
    scratchDirectory[0] = 0
  }

  static func registerTerminal(fd: Int32, saved: termios) {
    savedTerminal = saved
    terminalFD = fd
  }

  static func clearTerminal() { terminalFD = -1 }

  private static func copy(_ string: String, into buffer: inout [CChar]) {
    let bytes = Array(string.utf8CString.prefix(buffer.count - 1))
    for (index, byte) in bytes.enumerated() { buffer[index] = byte }
    buffer[bytes.count] = 0
  }
}
