import Foundation
import LetterVault

#if canImport(Glibc)
  import Glibc
#endif

/// Shows a new recovery key once, on the terminal's alternate screen, and asks for one group
/// back so the user has really written it down (SECURITY.md §2.2). The screen is cleared
/// afterwards, so the key does not stay in the scrollback.
enum RecoveryKeyDisplay {
  /// True when the user typed the requested group back correctly (3 tries).
  static func showOnTerminal(_ key: RecoveryKey) throws -> Bool {
    let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { throw CLIError.noTerminalForRecoveryKey }
    defer { close(fd) }
    let text = key.text
    let groups = text.split(separator: "-").dropFirst().map(String.init)
    let asked = Int.random(in: 0..<(groups.count - 1))
    let screen = """
      \u{1b}[?1049h\u{1b}[H\u{1b}[2J
      Your recovery key for letters:

          \(text)

      Write it on paper and keep it somewhere safe, away from this computer.
      It opens every letter if you ever forget your passphrase, and it will not be shown again.
      Whoever finds it can read your letters too.


      """
    TerminalPrompt.emit(fd: fd, screen)
    defer { TerminalPrompt.emit(fd: fd, "\u{1b}[2J\u{1b}[?1049l") }
    for _ in 0..<3 {
      guard
        let answer = TerminalPrompt.readLine(
          fd: fd,
          prompt: "To check, type group \(asked + 1) (the \(ordinal(asked + 1)) block of four): ")
      else { return false }
      if answer.uppercased() == groups[asked] { return true }
      TerminalPrompt.emit(fd: fd, "That was not quite it; look again, there is no hurry.\n")
    }
    return false
  }

  private static func ordinal(_ number: Int) -> String {
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"][number - 1]
  }
}
