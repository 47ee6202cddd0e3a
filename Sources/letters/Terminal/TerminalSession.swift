import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A conversation on the controlling terminal (`/dev/tty`) for `review` and the re-read
/// before sending: stdout stays for data, stdin may be anything.
final class TerminalSession {
  private let fd: Int32

  /// Opens `/dev/tty`; nil when there is no terminal.
  init?() {
    let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    self.fd = fd
  }

  deinit { close(fd) }

  /// True when stdin and stdout are terminals too: a person is there to re-read.
  static var isInteractive: Bool { Console.stdinIsTerminal && Console.stdoutIsTerminal }

  /// Writes `text`, made visible (``VisibleText``): it may quote a letter's subject.
  func say(_ text: String) {
    let bytes = Array(VisibleText.string(text).utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// One line without its newline; nil at end of input (the terminal went away).
  func ask(_ prompt: String) -> String? {
    say(prompt)
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      let count = read(fd, &byte, 1)
      if count <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
      if byte == 0x0A || byte == 0x0D { break }
      bytes.append(byte)
      if bytes.count > 65_536 { break }
    }
    return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
  }
}
