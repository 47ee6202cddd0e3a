import Foundation

/// The one writer of messages: stderr, in one voice (`letters: …`). stdout is for data only,
/// so `letters show ID | lp` prints just the letter (ARCHITECTURE.md "The layers").
///
/// On a terminal, stdout and stderr get text through ``VisibleText``: a letter's subject or
/// name quoted in a line cannot drive the terminal. Pipes and files get the bytes unchanged.
enum Console {
  /// `--quiet`: informational lines are dropped; errors and hints never are.
  nonisolated(unsafe) static var quiet = false

  static func error(_ message: String, hint: String? = nil) {
    write("letters: \(message)\n")
    if let hint { write("letters: hint: \(hint)\n") }
  }

  static func info(_ message: String) {
    if !quiet { write("letters: \(message)\n") }
  }

  /// Whether a progress line may be drawn: a person watches stderr and `--quiet` is off.
  static var showsProgress: Bool { !quiet && isatty(STDERR_FILENO) == 1 }

  /// Writes `text` with no newline, to redraw the current line (``ProgressLine`` only: its
  /// own words and the CR that returns to the line's start, so not made visible).
  static func transient(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

  static func detail(_ message: String) { write("  \(message)\n") }

  /// A warning that is not an error (shown even with --quiet).
  static func warning(_ message: String) { write("letters: \(message)\n") }

  /// Data on stdout.
  static func out(_ text: String) {
    // The string's own UTF-8 storage when it has one: no copy of a 10,000-line listing.
    var text = stdoutEscapes ? VisibleText.string(text) : text
    text.withUTF8 { utf8 in
      guard let base = utf8.baseAddress, !utf8.isEmpty else { return }
      FileHandle.standardOutput.write(
        Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: utf8.count, deallocator: .none))
    }
  }

  /// Bytes of letters on stdout (`export`), made visible on a terminal.
  static func out(letterBytes bytes: [UInt8]) {
    out(bytes: stdoutEscapes ? VisibleText.bytes(bytes) : bytes)
  }

  /// Bytes on stdout, as they are: the caller has made letters' fields visible itself
  /// (``ListLines``, whose colour escapes must pass).
  static func out(bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress, !raw.isEmpty else { return }
      FileHandle.standardOutput.write(
        Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none))
    }
  }

  private static func write(_ text: String) {
    FileHandle.standardError.write(Data((stderrEscapes ? VisibleText.string(text) : text).utf8))
  }

  private static let stdoutEscapes = isatty(STDOUT_FILENO) == 1
  private static let stderrEscapes = isatty(STDERR_FILENO) == 1

  static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
