import VaultRecords
import Foundation

/// The character sets letters reads in mail: UTF-8 (and its subset US-ASCII), ISO-8859-1 and
/// Windows-1252. Anything else is refused rather than guessed.
enum Charset {
  static func decode(_ bytes: [UInt8], charset: String) -> String? {
    switch charset.lowercased() {
    case "utf-8", "utf8", "us-ascii", "ascii":
      return String(validating: bytes, as: UTF8.self)
    case "iso-8859-1", "latin1", "iso_8859-1", "l1":
      return String(bytes.map { Character(UnicodeScalar($0)) })
    case "windows-1252", "cp1252":
      return String(data: Data(bytes), encoding: .windowsCP1252)
    default:
      return nil
    }
  }
}
