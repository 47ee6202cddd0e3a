import VaultRecords
/// A mailbox for a header: a display name and, when known, an address.
public struct MailAddress: Sendable, Equatable {
  /// The display name, "" for none.
  public var name: String
  /// The address, "" when none is known.
  public var address: String

  /// Creates a mailbox.
  public init(name: String, address: String) {
    self.name = name
    self.address = address
  }

  /// True for something that looks like `local@domain` with no spaces, angle brackets or
  /// line breaks; enough to refuse typos and header injection, not a full RFC 5322 parser.
  public static func isPlausibleAddress(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasSuffix(".")
    else { return false }
    return text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !"<>()[],;:\\\"".utf8.contains($0) }
  }

  /// The header form: `Name <a@b>`, `"Dr. Hale" <a@b>`, an encoded name, `a@b`, or, with no
  /// address, an empty group `Name:;` (RFC 5322 §3.4), which mail clients accept.
  func headerValue(lineEnding: String) -> String {
    let phrase = Self.phrase(name, lineEnding: lineEnding)
    if address.isEmpty { return (phrase.isEmpty ? "undisclosed-recipients" : phrase) + ":;" }
    return phrase.isEmpty ? address : "\(phrase) <\(address)>"
  }

  private static func phrase(_ name: String, lineEnding: String) -> String {
    guard !name.isEmpty else { return "" }
    guard MailEncoding.isPlainHeaderText(name) else {
      return MailEncoding.encodedWords(name, lineEnding: lineEnding)
    }
    let atext = name.utf8.allSatisfy { byte in
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        || " !#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }
    if atext { return name }
    let escaped = name.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
    return "\"\(escaped)\""
  }
}
