import Foundation
@testable import LetterVault
@testable import VaultRecords

/// A fresh vault in a private temporary directory, with the cheap test KDF.
struct TestVault {
  let directory: URL
  let path: String
  let passphrase = Passphrase("correct horse battery staple")
  let vault: Vault
  let clock: ManualClock

  init(clock: ManualClock = ManualClock(), timeZone: TimeZone = TimeZone(identifier: "UTC")!) throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("letters-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    path = directory.appendingPathComponent("vault.db").path
    self.clock = clock
    vault = try Vault.create(
      at: path, passphrase: passphrase, kdf: .testing, timeZone: timeZone, clock: clock)
  }

  func reopen() throws -> Vault {
    try Vault.open(at: path, passphrase: passphrase, clock: clock)
  }

  func fileBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  func remove() {
    try? FileManager.default.removeItem(at: directory)
    // The device watermark lives outside the vault's directory (SECURITY.md §2.4).
    if let state = vault.watermark.deviceStatePath { try? FileManager.default.removeItem(atPath: state) }
  }
}
