import Foundation
import LetterVault
import Testing

/// The re-read before sending, in a real terminal: the whole letter in the pager, then a
/// typed word. Anything but "send" keeps the letter held (a vault asked to send two days ago).
@Suite struct SendReReadTmuxTests {
  @Test func theLetterIsShownInThePagerAndGoesOnlyAfterTypingSend() throws {
    // Asked to send two days ago, in process on a clock of its own, in a zone where it is
    // midday now: due when the real binary runs (faketime is refused by the brake, issue 14).
    let cli = try CLIFixture(create: false)
    defer { cli.remove() }
    try FileManager.default.createDirectory(
      atPath: (cli.vault as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    let vault = try Vault.create(
      at: cli.vault, passphrase: Passphrase(CLIFixture.passphrase), kdf: .interactive,
      timeZone: ManualClock.middayZone(), clock: ManualClock.past(Date().addingTimeInterval(-2 * 86_400)))
    let letterID = try vault.write(
      LetterDraft(recipient: "Dr. Hale", text: "Dear Dr. Hale,\nthank you.\n"))
    try vault.requestSend(letterID)
    let id = letterID.description
    let environment = cli.environment.map { "\($0.key)='\($0.value)'" }.sorted()
      .joined(separator: " ")
    let command = "env \(environment) '\(CLI.binary.path)' send \(id)"
    func state() throws -> String {
      let shown = try cli.run(["show", id, "--json"])
      return (try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any])?["state"]
        as? String ?? ""
    }

    // First time: read it, then decline.
    let first = TmuxPane()
    defer { first.stop() }
    try first.start("\(command); echo \"send exited $?\"; sleep 60")
    var screen = try first.waitFor("thank you.")
    #expect(screen.contains("Fingerprint: "))
    try first.press("q")
    try first.waitFor("Type send to send letter \(id.prefix(8)) now")
    try first.type("not yet")
    screen = try first.waitFor("send exited 0")
    #expect(screen.contains("nothing was sent; letter \(id.prefix(8)) is still held"))
    #expect(try state() == "held")

    // Second time: read it, type send.
    let second = TmuxPane()
    defer { second.stop() }
    try second.start("\(command); echo \"send exited $?\"; sleep 60")
    try second.waitFor("thank you.")
    try second.press("q")
    try second.waitFor("Type send to send letter \(id.prefix(8)) now")
    try second.type("send")
    screen = try second.waitFor("send exited 0")
    #expect(screen.contains("is recorded as sent by hand"))
    #expect(try state() == "sent")
  }
}
