import Foundation

@testable import LetterVault
@testable import VaultRecords

/// A vault with two letters, A (edited once: revisions 1 and 2) and B, each with one note,
/// plus raw access to its rows.
struct TamperScene {
  let test: TestVault
  let a: LetterID
  let b: LetterID
  let file: VaultFile

  init() throws {
    test = try TestVault()
    a = try test.vault.write(LetterDraft(recipient: "Dr. Hale", subject: "A", text: "letter A, first"))
    try test.vault.edit(a, body: Array("letter A, second".utf8))
    b = try test.vault.write(LetterDraft(recipient: "Mum", subject: "B", text: "letter B"))
    try test.vault.addNote(a, text: "note on A")
    try test.vault.addNote(b, text: "note on B")
    file = try VaultFile(path: test.path)
  }

  /// The damage a call reports, or nil when it succeeds or fails otherwise.
  static func damages(_ body: () throws -> Void) -> [Damage]? {
    do {
      try body()
      return nil
    } catch VaultError.damaged(let found) {
      return found
    } catch {
      return nil
    }
  }

  /// True when `body` throws `.damaged` and every damage names `id`.
  static func damageNames(_ id: LetterID, _ body: () throws -> Void) -> Bool {
    guard let found = damages(body), !found.isEmpty else { return false }
    return found.allSatisfy { $0.letterID == id.description }
  }

  func remove() { test.remove() }
}
