import Foundation
import Testing

/// A letter whose META row is gone is lost (META holds its only key): every command that
/// meets it names it, exit 65, never "no letter has that id" (FORMAT.md §6.3; SECURITY.md
/// §2.4).
@Suite struct MissingLetterTests {
  /// Seen failing before: `list` and `status` exited 0 showing the letter as healthy, and
  /// `show`, `history` and `hold` said "no letter has that id" (66).
  @Test func aLetterWhoseMetadataRowIsDeletedIsNamedEverywhere() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let gone = try fixture.write("this one will be lost\n")
    let kept = try fixture.write("this one stays\n", to: "Mum")
    try VaultFile(path: fixture.vault).delete(Bytes.hex(gone), kind: .meta)
    let before = try fixture.vaultBytes()
    let short = String(gone.prefix(8))
    for arguments in [["list"], ["status"], ["show", gone], ["history", short], ["hold", short]] {
      let result = try fixture.run(arguments)
      #expect(result.status == 65, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("letter \(short)"), "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("missing from the file"), "\(arguments): \(result.stderr)")
      #expect(!result.stderr.contains("no letter has that id"))
    }
    let listed = try fixture.run(["list"])
    #expect(listed.stdout.contains(String(kept.prefix(8))))
    #expect(!listed.stdout.contains(short))
    #expect(try fixture.run(["show", kept, "--text-only"]).stdout == "this one stays\n")
    #expect(try fixture.vaultBytes() == before)
  }
}
