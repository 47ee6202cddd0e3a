import Foundation
import LetterVault

/// Argon2id cost of each `--kdf` preset: create a vault once, then time opening it.
enum KDFTiming {
  static func run() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("letters-bench-kdf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, preset) in [("interactive", KDFParameters.interactive), ("moderate", .moderate), ("sensitive", .sensitive)] {
      let path = directory.appendingPathComponent("\(name).db").path
      _ = try Vault.create(at: path, passphrase: Passphrase("kdf timing"), kdf: preset)
      let seconds = try Clock.median(runs: name == "sensitive" ? 3 : 5) {
        _ = try Vault.open(at: path, passphrase: Passphrase("kdf timing"))
      }
      print(String(format: "kdf %-12@ %7.1f ms", name as NSString, seconds * 1000))
    }
  }
}
