import Foundation
import Testing

/// What `letters sync` refuses, calmly and with the vault as it was (README "Two computers").
@Suite struct SyncRefusalTests {
  /// Before `sync init`: 69 with the way to set it up; an empty remote on a computer with
  /// no vault: 66, and no vault file appears.
  @Test func syncBeforeInitAndAnEmptyRemoteAreRefused() throws {
    let pair = try SyncedPair()
    defer { pair.remove() }
    let early = try pair.run(pair.laptop, ["sync"])
    #expect(early.status == 69, "\(early.stderr)")
    #expect(early.stderr.contains("letters sync init REMOTE"))
    let empty = try pair.run(pair.desktop, ["sync", "init", pair.remote])
    #expect(empty.status == 66, "\(empty.stderr)")
    #expect(!FileManager.default.fileExists(atPath: pair.desktop.vault))
  }

  /// The device watermark keeps its promise through sync (SECURITY.md §2.4, §2.9): a vault
  /// fetched again by `sync init` onto a computer that saw a newer one of the same vault is
  /// read-only until `verify --accept-rollback`.
  @Test func aVaultFetchedOlderThanOneSeenHereIsReadOnly() throws {
    let pair = try SyncedPair()
    defer { pair.remove() }
    try pair.setUp()
    // The desktop writes and never syncs it; then its vault and repository are lost.
    let lost = try pair.run(pair.desktop, ["write", "--to", "Kim"], stdin: "never synced\n")
    #expect(lost.status == 0)
    try FileManager.default.removeItem(atPath: pair.folder(pair.desktop))
    let again = try pair.run(pair.desktop, ["sync", "init", pair.remote])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stderr.contains("older than one this computer has seen"), "\(again.stderr)")
    let write = try pair.run(pair.desktop, ["write", "--to", "Kim"], stdin: "refused\n")
    #expect(write.status == 69, "\(write.stderr)")
    #expect(try pair.run(pair.desktop, ["verify", "--accept-rollback"]).status == 0)
    #expect(try pair.run(pair.desktop, ["write", "--to", "Kim"], stdin: "now it goes\n").status == 0)
    try pair.sync(pair.desktop)
  }

  /// A remote that is gone (the USB stick is not plugged in): 74, the vault unchanged.
  @Test func anUnreachableRemoteIsNamedAndNothingChanges() throws {
    let pair = try SyncedPair()
    defer { pair.remove() }
    try pair.setUp()
    _ = try pair.laptop.write("written while the stick is away\n")
    try FileManager.default.removeItem(atPath: pair.remote)
    let before = try pair.laptop.vaultBytes()
    let refused = try pair.run(pair.laptop, ["sync"])
    #expect(refused.status == 74, "\(refused.stderr)")
    #expect(refused.stderr.contains("could not reach \(pair.remote)"))
    #expect(try pair.laptop.vaultBytes() == before)
  }

  /// On a terminal, `burn` asks whether to drop the sync history, and does when told yes.
  @Test func burnOnATerminalOffersToForgetTheHistory() throws {
    let pair = try SyncedPair()
    defer { pair.remove() }
    let doomed = try pair.laptop.write("to let go\n")
    try pair.setUp()
    _ = try pair.laptop.write("to keep\n")
    try pair.sync(pair.laptop)
    #expect(try pair.remoteCommits() == 2)
    let burned = try CLI.runProgram(
      "/usr/bin/expect",
      [
        "-c",
        """
        set timeout 30
        spawn $env(BIN) burn \(doomed.prefix(8))
        expect -re {characters of its id}
        send "\(doomed.prefix(4))\\r"
        expect -re {drop them now}
        send "y\\r"
        expect eof
        lassign [wait] pid spawnid oserr status
        exit $status
        """,
      ],
      environment: pair.laptop.environment.merging(pair.gitEnvironment) { $1 }
        .merging(["BIN": CLI.binary.path]) { $1 })
    #expect(burned.status == 0, "\(burned.stdout)")
    #expect(try pair.remoteCommits() == 1)
  }

  /// A remote that holds another vault is refused (69), naming the remote; nothing changes.
  @Test func aRemoteHoldingAnotherVaultIsRefused() throws {
    let pair = try SyncedPair()
    let other = try CLIFixture()
    defer {
      pair.remove()
      other.remove()
    }
    try pair.setUp()
    _ = try other.write("another vault\n")
    let before = try other.vaultBytes()
    let refused = try pair.run(other, ["sync", "init", pair.remote])
    #expect(refused.status == 69, "\(refused.stderr)")
    #expect(refused.stderr.contains(pair.remote), "\(refused.stderr)")
    #expect(try other.vaultBytes() == before)
  }
}
