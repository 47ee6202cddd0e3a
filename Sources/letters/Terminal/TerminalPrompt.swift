import Foundation
import LetterVault

#if canImport(Glibc)
  import Glibc
#endif

/// Reads from the controlling terminal (`/dev/tty`), so stdin stays free for letter text.
enum TerminalPrompt {
  /// Reads one line with echo off into protected memory.
  static func readSecret(prompt: String) throws -> Passphrase {
    guard var bytes = readHiddenBytes(prompt: prompt, limit: 4096) else {
      throw CLIError.noPassphraseSource
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
    return readLine(fd: fd, prompt: prompt)
  }
}
