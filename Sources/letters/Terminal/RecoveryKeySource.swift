import Foundation
import LetterVault

/// Where a typed recovery key comes from: `LETTERS_RECOVERY_KEY_FILE` (first line) for
/// scripts, else the terminal with echo off. Never argv, never the environment itself.
enum RecoveryKeySource {
  static let fileVariable = "LETTERS_RECOVERY_KEY_FILE"

  /// Reads and checks the key; a typo is reported here, before any key derivation.
  static func current() throws -> RecoveryKey {
    if let path = ProcessInfo.processInfo.environment[fileVariable], !path.isEmpty {
      guard var bytes = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
        throw CLIError.passphraseFileUnreadable(path)
      }
      defer {
        _ = bytes.withUnsafeMutableBytes { $0.initializeMemory(as: UInt8.self, repeating: 0) }
      }
      // Parsing needs a String: a short-lived copy of the key (docs/SECURITY.md "memory").
      return try RecoveryKey(parsing: String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self))
    }
    guard let typed = TerminalPrompt.readHiddenLine(prompt: "Recovery key (LVR1-…): ") else {
      throw CLIError.noPassphraseSource
    }
    return try RecoveryKey(parsing: typed)
  }
}
