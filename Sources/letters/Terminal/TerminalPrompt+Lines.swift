import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Line input on an already open terminal descriptor, for the recovery-key screens.
extension TerminalPrompt {
  static func emit(fd: Int32, _ text: String) {
    _ = text.withCString { write(fd, $0, strlen($0)) }
  }

  /// One visible line from `fd`; nil at end of input.
  static func readLine(fd: Int32, prompt: String) -> String? {
    emit(fd: fd, VisibleText.string(prompt))  // a question may quote a letter
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    var sawAny = false
    while read(fd, &byte, 1) == 1 {
      sawAny = true
      if byte == 0x0A { break }
      bytes.append(byte)
    }
    guard sawAny else { return nil }
    return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
  }

  /// One line from the controlling terminal with echo off (a recovery key being typed);
  /// nil without a terminal. Unlike a passphrase it must become a `String` to be parsed.
  static func readHiddenLine(prompt: String) -> String? {
    guard var bytes = readHiddenBytes(prompt: prompt, limit: 256) else { return nil }
    defer { bytes.withUnsafeMutableBytes { $0.initializeMemory(as: UInt8.self, repeating: 0) } }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// One line from `/dev/tty` with echo off (no asterisks: they would show the length),
  /// the terminal restored on every path, also on a signal. Nil without a terminal.
  static func readHiddenBytes(prompt: String, limit: Int) -> [UInt8]? {
    let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    emit(fd: fd, prompt)
    var saved = termios()
    let isTerminal = tcgetattr(fd, &saved) == 0
    if isTerminal {
      var quiet = saved
      quiet.c_lflag &= ~tcflag_t(ECHO)
      SignalCleanup.registerTerminal(fd: fd, saved: saved)
      tcsetattr(fd, TCSAFLUSH, &quiet)
    }
    defer {
      if isTerminal {
        tcsetattr(fd, TCSAFLUSH, &saved)
        SignalCleanup.clearTerminal()
      }
      emit(fd: fd, "\n")
    }
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while read(fd, &byte, 1) == 1, byte != 0x0A, byte != 0x0D, bytes.count < limit {
      bytes.append(byte)
    }
    return bytes
  }
}
