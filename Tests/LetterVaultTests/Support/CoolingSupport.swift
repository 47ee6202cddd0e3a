import Foundation
import LetterVault

/// Helpers for the cooling-off tests: UTC dates, hours, and a letter asked to be sent.
enum Cooling {
  static let hour: TimeInterval = 3600
  static let day: TimeInterval = 24 * 3600
  static let utcZone = TimeZone(identifier: "UTC")!

  /// "2026-03-29T05:00:00Z" → Date.
  static func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!
  }

  /// The start of every ManualClock: 2027-01-15 08:00 UTC, outside the default quiet hours.
  static let start = Date(timeIntervalSince1970: 1_800_000_000)

  /// A fresh letter, written and asked to be sent now.
  static func requested(in vault: Vault, to recipient: String = "Dr. Hale", text: String = "Dear …")
    throws -> LetterID
  {
    let id = try vault.write(LetterDraft(recipient: recipient, text: text))
    try vault.requestSend(id)
    return id
  }

  static func fingerprint(_ vault: Vault, _ id: LetterID) throws -> String {
    try vault.letter(id).fingerprint
  }

  /// The error a release throws, or nil when it went through.
  static func releaseError(_ vault: Vault, _ id: LetterID, fingerprint: String? = nil)
    -> VaultError?
  {
    do {
      try vault.release(
        id, confirming: fingerprint ?? (try Self.fingerprint(vault, id)), how: .byHand)
      return nil
    } catch let error as VaultError {
      return error
    } catch {
      return .io(path: "", reason: "unexpected \(error)")
    }
  }
}

extension VaultError {
  /// The wait, for a `.notYet`.
  var waitUntil: Date? {
    if case .notYet(let until, _) = self { return until }
    return nil
  }

  var waitReason: ReleaseWait? {
    if case .notYet(_, let why) = self { return why }
    return nil
  }
}
