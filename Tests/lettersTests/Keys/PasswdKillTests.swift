import Foundation
import LetterVault
import Testing

/// SECURITY.md §2, aimed: `passwd` killed late in its run (after both key derivations, near
/// the transaction), many times. Exactly one of the old and new passphrases opens the vault
/// every time, never neither, and the letters are untouched.
@Suite struct PasswdKillTests {
  @Test func aPasswdKilledNearItsEndLeavesExactlyOnePassphrase() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("unchanged by any passphrase\n")
    var random = SeededGenerator(seed: 0x7_11)
    var current = CLIFixture.passphrase
    var duration = 0.0
    var killed = 0
    for index in 0..<16 {
      let next = "passphrase number \(index) of sixteen"
      let files = try [("old", current), ("new", next)].map { name, value -> String in
        let path = fixture.directory.appendingPathComponent("pass-\(index)-\(name)").path
        try (value + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
      }
      // The first run measures the command; later ones are killed in the last part of the
      // quickest run seen (a busy machine only makes the kill land earlier in the work).
      let delay = index == 0 ? 60 : duration * Double.random(in: 0.6...1.05, using: &random)
      let run = try KilledRun.run(
        ["passwd", "--kdf", "interactive"], stdin: nil,
        environment: fixture.environment.merging([
          "LETTERS_PASSPHRASE_FILE": files[0], "LETTERS_NEW_PASSPHRASE_FILE": files[1],
        ]) { $1 }, killAfter: delay)
      if run.status != nil { duration = index == 0 ? run.seconds : min(duration, run.seconds) }
      if run.status == nil { killed += 1 } else { #expect(run.status == 0, "\(run.stderr)") }
      let old = (try? Vault.open(at: fixture.vault, passphrase: Passphrase(current))) != nil
      let new = (try? Vault.open(at: fixture.vault, passphrase: Passphrase(next))) != nil
      #expect(
        old != new, "run \(index) after \(Int(delay * 1000)) ms: old opens \(old), new opens \(new)"
      )
      if new { current = next }
      let vault = try Vault.open(at: fixture.vault, passphrase: Passphrase(current))
      #expect(try vault.verify().isEmpty)
      #expect(try vault.letter(try vault.resolve(id)).body == "unchanged by any passphrase\n")
    }
    #expect(killed >= 5, "only \(killed) of 15 runs were killed")
  }
}
