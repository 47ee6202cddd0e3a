import Foundation
import Testing

/// The honest path end to end, in real time and with real clocks: a vault made with
/// `init --cooling-off 1m --quiet-hours none`, letters asked to send, one wait of a little
/// more than the minute shared by all of them, then each released the way a writer would:
/// `send --confirm` by hand and by mail (msmtp into aiosmtpd), and `review` in a real
/// terminal (tmux), which delivers exactly as `send` does.
@Suite struct RealTimeReleaseTests {
  @Test func afterTheMinuteEachLetterGoesOnceTheWayItsRecipientNeeds() throws {
    try CLI.requireReleaseBinary()
    var cli = try CLIFixture(create: false)
    cli.binary = CLI.releaseBinary
    defer { cli.remove() }
    let made = try cli.run(["init", "--kdf", "interactive", "--cooling-off", "1m", "--quiet-hours", "none"])
    #expect(made.status == 0, "\(made.stderr)")
    let sink = try SMTPSink(directory: cli.directory.appendingPathComponent("smtp"))
    try sink.start()
    defer { sink.stop() }
    let rc = cli.directory.appendingPathComponent("msmtprc").path
    try sink.writeMsmtpConfiguration(to: rc, from: "me@example.org")
    #expect(try cli.run(["recipient", "add", "Dr. Hale", "--email", "hale@example.org"]).status == 0)
    #expect(try cli.run(["recipient", "add", "Mum"]).status == 0)
    #expect(
      try cli.run(["delivery", "set", "--command", "msmtp -C '\(rc)' -t", "--from", "me@example.org"])
        .status == 0)

    let byHand = try cli.write("Dear Mum,\n", to: "Mum")
    let mailed = try cli.write("Dear Dr. Hale,\nby send.\n")
    let reviewed = try cli.write("Dear Dr. Hale,\nby review.\n")
    let draft = try cli.write("Dear Mum,\nnot yet.\n", to: "Mum")
    for id in [byHand, mailed, reviewed] {
      let asked = try cli.run(["send", id])
      #expect(asked.status == 0, "\(asked.stderr)")
      #expect(asked.stderr.contains("This letter is cooling off until"))
    }
    let prints = try [byHand, mailed, reviewed, draft].map(fingerprint(cli))

    // While cooling: the right fingerprint waits (75), a wrong one is refused (69).
    #expect(try cli.run(["send", mailed, "--confirm", prints[1]]).status == 75)
    let wrong = try cli.run(["send", mailed, "--confirm", "0000-0000-0000"])
    #expect(wrong.status == 69, "\(wrong.stderr)")
    // A wrong fingerprint on a letter never asked to send starts nothing.
    #expect(try cli.run(["send", draft, "--confirm", "0000-0000-0000"]).status == 69)
    #expect(try field(cli, draft, "state") as? String == "draft")

    Thread.sleep(forTimeInterval: 65)

    let status = try cli.run(["status"])
    #expect(!status.stdout.contains("may go from"), "\(status.stdout)")
    let unconfirmed = try cli.run(["send", byHand])
    #expect(unconfirmed.status == 64)
    #expect(unconfirmed.stderr.contains("--confirm FINGERPRINT"))
    #expect(try cli.run(["send", byHand, "--confirm", "0000-0000-0000"]).status == 69)

    let sent = try cli.run(["send", byHand, "--confirm", prints[0].uppercased()])
    #expect(sent.status == 0, "\(sent.stderr)")
    #expect(sent.stderr.contains("is recorded as sent by hand"))
    #expect(!sent.stderr.contains("cooling off"))
    let again = try cli.run(["send", byHand, "--confirm", prints[0]])
    #expect(again.status == 69)
    #expect(again.stderr.contains("a letter is never sent twice"))

    let delivered = try cli.run(["send", mailed, "--confirm", prints[1]])
    #expect(delivered.status == 0, "\(delivered.stderr)")
    #expect(delivered.stderr.contains("was delivered to hale@example.org"))
    #expect(try sink.messages().count == 1)

    // review → send: the same re-read, then the mail, not "sent by hand".
    let tmux = TmuxPane()
    defer { tmux.stop() }
    let environment = cli.environment.map { "\($0.key)='\($0.value)'" }.sorted()
      .joined(separator: " ")
    try tmux.start("env \(environment) '\(CLI.releaseBinary.path)' review; echo \"review exited $?\"; sleep 60")
    try tmux.waitFor("[q]uit: ")
    try tmux.type("s")
    try tmux.waitFor("by review.")
    try tmux.press("q")
    try tmux.waitFor("Type send to send letter \(reviewed.prefix(8)) now")
    try tmux.type("send")
    let screen = try tmux.waitFor("was delivered to hale@example.org")
    #expect(!screen.contains("sent by hand"))
    try tmux.type("q")
    try tmux.waitFor("review exited 0")
    #expect(try sink.messages().count == 2)
    for id in [byHand, mailed, reviewed] { #expect(try field(cli, id, "state") as? String == "sent") }
    #expect(try field(cli, draft, "state") as? String == "draft")
  }

  func fingerprint(_ cli: CLIFixture) -> (String) throws -> String {
    { try field(cli, $0, "fingerprint") as? String ?? "" }
  }

  func field(_ cli: CLIFixture, _ id: String, _ name: String) throws -> Any? {
    let shown = try cli.run(["show", id, "--json"])
    return (try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any])?[name]
  }
}
