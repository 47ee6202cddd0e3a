import Foundation
import LetterVault
import Testing

/// `letters sync` through a bare git repository on disk (README "Two computers"), with the
/// real binary and real git.
@Suite struct GitSyncTests {
  /// Both computers write, edit, hold, send, note, burn and change rules while apart; after
  /// each has synced once more (in either order) they list the same letters, and a round with
  /// no changes makes no commit.
  @Test(arguments: [true, false])
  func twoComputersThatDivergedEndWithTheSameLetters(laptopFirst: Bool) throws {
    let pair = try SyncedPair()
    defer { pair.remove() }
    let laptop = pair.laptop
    let desktop = pair.desktop
    let kept = try laptop.write("the first letter\n")
    let burned = try laptop.write("a letter to burn\n", to: "Sam")
    let waiting = try laptop.write("a letter to send later\n", to: "Kim")
    let sent = try laptop.write("a letter sent from the laptop\n", to: "Ada")
    #expect(try pair.run(laptop, ["send", sent]).status == 0)
    try pair.setUp()
    #expect(try pair.list(desktop) == (try pair.list(laptop)))

    // The laptop: an edit, a note, a burn, a letter sent (its clock two days on), a rule.
    #expect(try pair.run(laptop, ["edit", kept], stdin: "the first letter, edited on the laptop\n").status == 0)
    #expect(try pair.run(laptop, ["note", waiting], stdin: "a note from the laptop\n").status == 0)
    #expect(try pair.run(laptop, ["burn", burned, "--confirm-id", burned]).status == 0)
    try Self.sendByHand(sent, in: laptop.vault)
    #expect(try pair.run(laptop, ["rules", "set", "--cooling-off", "2d"]).status == 0)
    // The desktop: a new held letter, a send request, a note, an edit of the same letter.
    let fresh = try pair.run(desktop, ["write", "--to", "Noor"], stdin: "written at the desk\n")
    let desk = fresh.stdout.trimmed
    #expect(try pair.run(desktop, ["hold", desk]).status == 0)
    #expect(try pair.run(desktop, ["send", waiting]).status == 0)
    #expect(try pair.run(desktop, ["note", kept], stdin: "a note from the desk\n").status == 0)
    #expect(try pair.run(desktop, ["edit", kept], stdin: "the first letter, edited at the desk\n").status == 0)

    let (first, second) = laptopFirst ? (laptop, desktop) : (desktop, laptop)
    // Each syncs, then each once more: a computer with a longer cooling-off lengthens the
    // send request it merged, and the other takes that in its second round.
    for computer in [first, second, first, second] { try pair.sync(computer) }
    let listed = try pair.list(laptop)
    let other = try pair.list(desktop)
    #expect(listed == other, "laptop:\n\(listed)\ndesktop:\n\(other)")
    #expect(!listed.contains(burned) && listed.contains(desk) && listed.contains(kept))
    // Edited on both: both texts kept, the same on both computers.
    let shown = try pair.run(laptop, ["history", kept]).stdout
    #expect(shown == (try pair.run(desktop, ["history", kept]).stdout))
    for computer in [laptop, desktop] {
      #expect(try pair.run(computer, ["show", burned]).status == 66)
      // Sent on the laptop: never sent again on either computer.
      #expect(try pair.run(computer, ["show", sent, "--json"]).stdout.contains("\"sent\""))
      #expect(try pair.run(computer, ["send", sent]).status == 69)
      // Asked for on the desktop: the cooling-off holds on both.
      #expect(try pair.run(computer, ["send", waiting]).status == 75)
    }

    // The desktop names where the laptop's send came from: the remote, not a private file.
    let status = try pair.run(desktop, ["status"]).stdout
    #expect(status.contains("copy \(pair.remote)"), "\(status)")

    let commits = try pair.remoteCommits()
    try pair.sync(second)
    try pair.sync(first)
    try pair.sync(second)
    #expect(try pair.remoteCommits() == commits)
    #expect(try pair.list(laptop) == listed)
  }

  /// Marks a letter whose send was requested as sent by hand, with a clock two days on, at
  /// noon (a program linking the library is believed: COOLING-OFF.md "What it cannot stop").
  /// Noon in the zone the vault was made in (this process's): "two days on" from a run after
  /// 22:00 fell in the quiet hours, and the release was refused (`notYet`, `quietHours`).
  static func sendByHand(_ id: String, in path: String) throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .current
    let noon = try #require(
      calendar.date(bySettingHour: 12, minute: 0, second: 0, of: Date().addingTimeInterval(2 * 86_400)))
    let vault = try Vault.open(
      at: path, passphrase: Passphrase(CLIFixture.passphrase), clock: ManualClock.past(noon))
    let letterID = try vault.resolve(id)
    try vault.release(letterID, confirming: try vault.letter(letterID).fingerprint, how: .byHand)
  }

  /// Both computers push at the same moment; whichever lost merges the other's and pushes
  /// again, in the same run or the next.
  @Test func aPushRaceIsResolvedByTheNextSync() throws {
    let pair = try SyncedPair()
    defer { pair.remove() }
    try pair.setUp()
    let mine = try pair.laptop.write("from the laptop\n")
    let theirs = try pair.run(pair.desktop, ["write", "--to", "Kim"], stdin: "from the desk\n")
      .stdout.trimmed
    let results = try [pair.laptop, pair.desktop].map { computer in
      let child = try RedirectedProcess(
        computer.binary, ["sync"],
        environment: computer.environment.merging(pair.gitEnvironment) { $1 },
        inheritEnvironment: true, stdin: Data())
      try child.process.run()
      return child
    }.map { child in
      child.process.waitUntilExit()
      _ = child.output()
      return child.process.terminationStatus
    }
    #expect(results.allSatisfy { $0 == 0 || $0 == 75 }, "\(results)")
    try pair.sync(pair.laptop)
    try pair.sync(pair.desktop)
    try pair.sync(pair.laptop)
    let listed = try pair.list(pair.laptop)
    #expect(listed == (try pair.list(pair.desktop)))
    #expect(listed.contains(mine) && listed.contains(theirs))
  }

  /// A copy on the remote with one flipped byte is refused (65); the vault here is not
  /// touched, and nothing is pushed.
  @Test func aDamagedRemoteCopyIsRefusedAndTheVaultHereIsUnchanged() throws {
    let pair = try SyncedPair()
    defer { pair.remove() }
    let id = try pair.laptop.write("a letter\n")
    try pair.setUp()
    // Someone with write access to the remote changes one byte of the vault there.
    let work = pair.root.appendingPathComponent("work").path
    #expect(try pair.git(["clone", "--quiet", "--branch", "main", pair.remote, work]).status == 0)
    try VaultFile(path: work + "/vault.db").flipByte(.meta, of: Bytes.hex(id))
    for step in [
      ["-C", work, "-c", "user.name=x", "-c", "user.email=x@x", "commit", "--quiet", "-am", "x"],
      ["-C", work, "push", "--quiet", "origin", "main"],
    ] {
      let done = try pair.git(step)
      #expect(done.status == 0, "\(done.stderr)")
    }
    _ = try pair.desktop.write("written meanwhile\n")
    let before = try pair.desktop.vaultBytes()
    let commits = try pair.remoteCommits()

    let refused = try pair.run(pair.desktop, ["sync"])
    #expect(refused.status == 65, "\(refused.stderr)")
    #expect(refused.stderr.contains(pair.remote))
    #expect(try pair.desktop.vaultBytes() == before)
    #expect(try pair.remoteCommits() == commits)
    #expect(try pair.run(pair.desktop, ["verify"]).status == 0)
  }
}
