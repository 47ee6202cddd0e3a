import Foundation
import LetterVault

#if canImport(Glibc)
  import Glibc
#endif

/// Reads from the controlling terminal (`/dev/tty`), so stdin stays free for letter text.
enum TerminalPrompt {
  /// Reads one line with echo off; no asterisks, which would show the length.
  static func readSecret(prompt: String) throws -> Passphrase {
    let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { throw CLIError.noPassphraseSource }
    defer { close(fd) }
    _ = prompt.withCString { write(fd, $0, strlen($0)) }
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
      _ = "\n".withCString { write(fd, $0, 1) }
    }
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while read(fd, &byte, 1) == 1, byte != 0x0A, byte != 0x0D {
      bytes.append(byte)
      if bytes.count > 4096 { break }
    }
    return Passphrase(consuming: &bytes)
  }

  /// Asks a yes/no question on the terminal; false when there is none.
  static func confirm(_ question: String) -> Bool {
    guard let answer = readLine(prompt: question + " [y/N] ") else { return false }
    return ["y", "yes"].contains(answer.lowercased())
  }

  /// Reads one visible line from the terminal; nil when there is none.
  static func readLine(prompt: String) -> String? {
    let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    _ = prompt.withCString { write(fd, $0, strlen($0)) }
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while read(fd, &byte, 1) == 1, byte != 0x0A { bytes.append(byte) }
    return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
  }
}
