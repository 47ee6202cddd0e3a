import Foundation

/// The one writer of messages: stderr, in one voice (`letters: …`). stdout is for data only,
/// so `letters show ID | lp` prints just the letter (style.md rule 6).
enum Console {
  static func error(_ message: String, hint: String? = nil) {
    write("letters: \(message)\n")
    if let hint { write("letters: hint: \(hint)\n") }
  }

  static func info(_ message: String) { write("letters: \(message)\n") }

  static func detail(_ message: String) { write("  \(message)\n") }

  /// Data on stdout.
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  private static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
