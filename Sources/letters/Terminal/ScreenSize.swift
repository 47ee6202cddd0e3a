import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The terminal's size, and whether some output fits on it (``Pager/page(_:paging:)``).
struct ScreenSize {
  let rows: Int
  let columns: Int

  /// The size of the terminal on stdout (`TIOCGWINSZ`), or nil when it is not known.
  static func ofStandardOutput() -> ScreenSize? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else {
      return nil
    }
    return ScreenSize(rows: Int(size.ws_row), columns: Int(size.ws_col))
  }

  /// Whether `bytes` take at most `rows` lines on a screen `columns` wide, long lines wrapping.
  ///
  /// Counts one column per character (UTF-8 lead byte), skips `ESC [ … letter` colour codes,
  /// and stops as soon as the answer is known, so a 10,000-line listing costs a few screens.
  /// A wide character (CJK, emoji) counts as one column: such a line may wrap sooner than
  /// counted, which `less -F` then still catches.
  static func fits(_ bytes: [UInt8], rows: Int, columns: Int) -> Bool {
    guard rows > 0, columns > 0 else { return bytes.isEmpty }
    var used = 0
    var column = 0
    var inEscape = false
    var lineOpen = false
    for byte in bytes {
      if inEscape {
        // The final byte of a CSI sequence is in 0x40...0x7E, after `ESC [` and parameters.
        if byte >= 0x40 && byte <= 0x7E && byte != 0x5B { inEscape = false }
        continue
      }
      switch byte {
      case 0x0A:
        used += 1
        column = 0
        lineOpen = false
        if used > rows { return false }
      case 0x1B:
        inEscape = true
      case 0x09:
        lineOpen = true
        column = (column / 8 + 1) * 8
      case 0x80...0xBF:
        continue  // a UTF-8 continuation byte: the same character
      default:
        lineOpen = true
        column += 1
      }
      if column > columns {
        // The character that did not fit starts the next screen line.
        used += 1
        column = byte == 0x09 ? 0 : 1
        if used > rows { return false }
      }
    }
    if lineOpen { used += 1 }
    return used <= rows
  }
}
