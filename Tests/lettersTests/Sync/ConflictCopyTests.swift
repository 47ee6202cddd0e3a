import Foundation
import Testing

/// Conflict copies a sync tool leaves beside the vault (README "Two computers"): named on
/// every command, merged by `merge --conflicts`, removed once merged and checked.
@Suite struct ConflictCopyTests {
  @Test func syncthingAndDropboxCopiesAreNamedMergedAndRemoved() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let home = try fixture.write("at home\n")
    let folder = (fixture.vault as NSString).deletingLastPathComponent
    let names = [
      "vault.sync-conflict-20260501-221400-ABCDEFG.db", "vault (Sam's conflicted copy 2026-05-01).db",
    ]
    var written: [String] = []
    for (index, name) in names.enumerated() {
      let copy = folder + "/" + name
      try FileManager.default.copyItem(atPath: fixture.vault, toPath: copy)
      let away = try fixture.run(
        ["write", "--vault", copy, "--to", "Kim"], stdin: "written elsewhere \(index)\n",
        environment: ["XDG_STATE_HOME": fixture.directory.appendingPathComponent("away-\(index)").path])
      #expect(away.status == 0, "\(away.stderr)")
      written.append(away.stdout.trimmed)
    }

    let listed = try fixture.run(["list"])
    #expect(listed.status == 0)
    #expect(listed.stderr.contains("2 other copies of the vault"), "\(listed.stderr)")
    #expect(listed.stderr.contains("letters merge --conflicts"))

    let merged = try fixture.run(["merge", "--conflicts"])
    #expect(merged.status == 0, "\(merged.stderr)")
    for name in names { #expect(!FileManager.default.fileExists(atPath: folder + "/" + name)) }
    for id in written + [home] {
      #expect(try fixture.run(["show", id, "--text-only"]).status == 0)
    }
    let after = try fixture.run(["list"])
    #expect(!after.stderr.contains("copies of the vault"), "\(after.stderr)")
    #expect(try fixture.run(["verify"]).status == 0)
  }

  /// A damaged conflict copy is refused (65) and left where it is.
  @Test func aDamagedConflictCopyStaysWhereItIs() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("at home\n")
    let copy = (fixture.vault as NSString).deletingLastPathComponent + "/vault (conflicted copy 2026-05-01).db"
    try FileManager.default.copyItem(atPath: fixture.vault, toPath: copy)
    try VaultFile(path: copy).flipByte(.meta, of: Bytes.hex(id))
    let before = try fixture.vaultBytes()
    let refused = try fixture.run(["merge", "--conflicts"])
    #expect(refused.status == 65, "\(refused.stderr)")
    #expect(FileManager.default.fileExists(atPath: copy))
    #expect(try fixture.vaultBytes() == before)
  }
}
