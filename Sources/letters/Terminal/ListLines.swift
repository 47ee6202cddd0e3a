import Foundation
import LetterVault

/// The lines of `list` and `search`, written as UTF-8 into one buffer: building a String per
/// line through interpolation was a sixth of a 10,000-letter `list` (docs/PERFORMANCE.md).
///
/// `7f3a9c21  held   3 May 2026 22:14  Dr. Hale  · Tuesday  (may go 5 May 2026 22:14)`
///
/// The "may go" moment is the one the brake names now (``SendStatusText``), not the stored one.
///
/// The recipient and subject come from letters: on a terminal they are made visible here
/// (``VisibleText``), because the colour escapes around them must pass and the bytes go out
/// through `Console.out(bytes:)`, which writes them as they are.
struct ListLines {
  private(set) var bytes: [UInt8] = []
  private let visible: Bool

  init(capacity: Int = 0, visible: Bool = Console.stdoutIsTerminal) {
    bytes.reserveCapacity(capacity * 96)
    self.visible = visible
  }

  /// One line for `letter`, with its newline; `status` is where its send request stands now.
  mutating func append(_ letter: ListedLetter, status: SendStatus? = nil) {
    styled(Style.enabled ? "2" : nil) { bytes in
      for byte in letter.idBytes.prefix(4) {
        bytes.append(Self.hex[Int(byte >> 4)])
        bytes.append(Self.hex[Int(byte & 0x0F)])
      }
    }
    bytes.append(0x20)
    bytes.append(0x20)
    let color: String? =
      switch letter.state {
      case .draft: nil
      case .held: "33"
      case .sent: "32"
      }
    // The state's name padded to five columns, written once per state rather than per line.
    styled(Style.enabled ? color : nil) { $0 += Self.paddedStates[Int(letter.state.rawValue)] }
    bytes.append(0x20)
    bytes.append(0x20)
    LocalDateText.append(letter.created, to: &bytes)
    bytes.append(0x20)
    bytes.append(0x20)
    if letter.recipient.isEmpty { bytes += Self.noRecipient } else { field(letter.recipient) }
    if !letter.subject.isEmpty {
      bytes += Self.beforeSubject
      field(letter.subject)
    }
    if letter.awaitsRelease, let status,
      let note = SendStatusText.listNote(status)
    {
      text("  (\(note))")
    }
    if letter.hasDeliveryError { text("  (delivery did not go through)") }
    bytes.append(0x0A)
  }

  private static let hex = Array("0123456789abcdef".utf8)
  private static let noRecipient = Array("—".utf8)
  private static let beforeSubject = Array("  · ".utf8)
  /// Each state's name, padded to five columns, by raw value (0, 1, 2).
  private static let paddedStates: [[UInt8]] = LetterState.allCases.sorted { $0.rawValue < $1.rawValue }.map { state in
    Array(state.description.utf8) + [UInt8](repeating: 0x20, count: max(0, 5 - state.description.count))
  }

  private mutating func text(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// A letter's own words: made visible on a terminal, as they are elsewhere.
  private mutating func field(_ utf8: UnsafeBufferPointer<UInt8>) {
    if visible { VisibleText.append(utf8, to: &bytes) } else { bytes.append(contentsOf: utf8) }
  }

  /// `body`'s bytes wrapped in an SGR colour code when `code` is set (``Style``'s escapes).
  private mutating func styled(_ code: String?, _ body: (inout [UInt8]) -> Void) {
    guard let code else { return body(&bytes) }
    text("\u{1B}[\(code)m")
    body(&bytes)
    text("\u{1B}[0m")
  }
}
