import Foundation
import Testing

/// The vault directory and file are private whatever the umask, and a vault others can write
/// is refused (SECURITY.md §2.8; §5.2 T38).
@Suite struct FilePermissionTests {
  static func mode(_ path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { return -1 }
    return Int(info.st_mode & 0o777)
  }

  @Test func underUmask022TheDirectoryIs0700AndTheFile0600() throws {
    let fixture = try CLIFixture(create: false)
    defer { fixture.remove() }
    let vault = fixture.directory.appendingPathComponent("deeper/letters/vault.db").path
    let result = try CLI.run(
      ["-c", "umask 022 && exec \"$0\" init --kdf interactive", CLI.binary.path],
      environment: fixture.environment.merging(["LETTERS_VAULT": vault]) { $1 },
      executable: "/bin/sh")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.mode(vault) == 0o600)
    #expect(Self.mode((vault as NSString).deletingLastPathComponent) == 0o700)
    #expect(Self.mode(fixture.directory.appendingPathComponent("deeper").path) == 0o700)
  }

  @Test func aGroupWritableVaultIsRefusedWithAClearMessage() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    chmod(fixture.vault, 0o660)
    let before = try fixture.vaultBytes()
    let result = try fixture.run(["list"])
    #expect(result.status == 74)
    #expect(result.stderr.contains("letters will not open \(fixture.vault): other users may write to it"))
    #expect(result.stderr.contains("chmod 600"))
    #expect(try fixture.vaultBytes() == before)
    chmod(fixture.vault, 0o600)
    #expect(try fixture.run(["list"]).status == 0)
  }
}

/// The vault's folder and the files SQLite keeps beside it, checked like ssh's StrictModes
/// (FORMAT.md §8.3): another user who can write the folder could plant a hot journal that
/// SQLite rolls into the vault.
@Suite struct VaultFolderTests {
  /// Seen failing before: `list` exited 0 in a group-writable folder.
  @Test func aGroupWritableVaultFolderIsRefusedWithTheFixUnlessSticky() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let folder = (fixture.vault as NSString).deletingLastPathComponent
    chmod(folder, 0o770)
    let before = try fixture.vaultBytes()
    let result = try fixture.run(["list"])
    #expect(result.status == 74)
    #expect(result.stderr.contains("letters will not open \(folder): other users may write to the folder it is in"))
    #expect(result.stderr.contains("chmod go-w \(folder)"))
    #expect(try fixture.vaultBytes() == before)
    // A sticky folder (as /tmp) lets nobody replace or remove what is ours.
    chmod(folder, 0o1777)
    #expect(try fixture.run(["list"]).status == 0)
    chmod(folder, 0o700)
    #expect(try fixture.run(["list"]).status == 0)
  }

  /// A vault named by its folder is refused as a folder, with a hint that names a file, not
  /// `chmod go-w` (found at a real terminal on 2026-12-07).
  @Test func aVaultNamedByItsFolderIsToldToNameTheFile() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let folder = (fixture.vault as NSString).deletingLastPathComponent
    let result = try fixture.run(["list"], environment: ["LETTERS_VAULT": folder])
    #expect(result.status == 74)
    #expect(result.stderr.contains("\(folder) is a folder; name the vault file itself, such as \(folder)/letters.db"), "\(result.stderr)")
    #expect(!result.stderr.contains("chmod"))
  }

  /// Seen failing before: a journal others may write beside the vault was ignored (exit 0).
  @Test func aJournalOthersMayWriteIsRefusedNamingIt() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let journal = fixture.vault + "-journal"
    #expect(FileManager.default.createFile(atPath: journal, contents: Data()))
    chmod(journal, 0o666)
    let result = try fixture.run(["list"])
    #expect(result.status == 74)
    #expect(result.stderr.contains("letters will not open \(journal): other users may write to it"))
    #expect(result.stderr.contains("move it out of the folder"))
    try FileManager.default.removeItem(atPath: journal)
    #expect(try fixture.run(["list"]).status == 0)
  }
}
