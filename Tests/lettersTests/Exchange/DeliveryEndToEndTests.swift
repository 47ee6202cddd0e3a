import Foundation
import LetterVault
import Testing

/// The whole way out: a real SMTP server on 127.0.0.1 (aiosmtpd), msmtp as the delivery
/// command, the real `letters` binary releasing the letters. The vault is set up in process
/// three days in the past (a clock of its own), so the cooling-off is over when the binary
/// runs at the real time, in a time zone where it is midday now, so no quiet hours interfere.
@Suite(.serialized) struct DeliveryEndToEndTests {
  struct Scene {
    let cli: CLIFixture
    let sink: SMTPSink
    let rc: String
    let letters: [(id: String, fingerprint: String)]

    init(_ texts: [(subject: String, body: String)], command: (String) -> String = { "msmtp -C '\($0)' -t" })
      throws
    {
      cli = try CLIFixture(create: false)
      sink = try SMTPSink(directory: cli.directory.appendingPathComponent("smtp"))
      try sink.start()
      rc = cli.directory.appendingPathComponent("msmtprc").path
      try sink.writeMsmtpConfiguration(to: rc, from: "me@example.org")
      try FileManager.default.createDirectory(
        atPath: (cli.vault as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
      let clock = ManualClock.past(Date().addingTimeInterval(-3 * 86_400))
      let vault = try Vault.create(
        at: cli.vault, passphrase: Passphrase(CLIFixture.passphrase), kdf: .interactive,
        timeZone: ManualClock.middayZone(), clock: clock)
      try vault.addRecipient(name: "Dr. Hale", email: "hale@example.org")
      try vault.setDelivery(DeliveryConfiguration(command: command(rc), from: "me@example.org"))
      var letters: [(String, String)] = []
      for text in texts {
        let id = try vault.write(LetterDraft(recipient: "Dr. Hale", subject: text.subject, text: text.body))
        try vault.requestSend(id)
        letters.append((id.description, try vault.letter(id).fingerprint))
        clock.advance(60)
      }
      self.letters = letters
    }

    @discardableResult
    func run(_ arguments: [String], expecting status: Int32? = nil) throws -> CLIResult {
      let result = try cli.run(arguments)
      if let status {
        #expect(result.status == status, "\(arguments.joined(separator: " ")): \(result.stderr)")
      }
      return result
    }

    func send(_ letter: (id: String, fingerprint: String), _ extra: [String] = [], expecting status: Int32? = nil)
      throws -> CLIResult
    {
      try run(["send", letter.id] + extra + ["--confirm", letter.fingerprint], expecting: status)
    }

    /// Subject, To and body of a received message, decoded by Python's email package: an
    /// independent reader, not ours.
    func decoded(_ message: Data) throws -> [String: String] {
      let file = cli.directory.appendingPathComponent("decode-\(UUID().uuidString).eml")
      try message.write(to: file)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
      process.arguments = [
        "-c",
        """
        import email, email.policy, json, sys
        m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
        print(json.dumps({'subject': str(m['subject']), 'to': str(m['to']), 'from': str(m['from']),
                          'body': m.get_content(), 'type': m.get_content_type()}))
        """,
        file.path,
      ]
      let out = Pipe()
      process.standardOutput = out
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return try JSONSerialization.jsonObject(with: data) as? [String: String] ?? [:]
    }

    func remove() {
      sink.stop()
      cli.remove()
    }
  }

  @Test func aLetterGoesOutThroughMsmtpAndAFailedOneWaitsSafelyForARetry() throws {
    let body = "Liebe Frau Dr. Hale,\n\nich habe es aufgeschrieben. Ünïcödé ✉️ — = 100%\nFrom here on.\n.\n"
    let scene = try Scene([("Nach Dienstag ☀ — ein Brief", body), ("Noch einer", "Second letter.\n")])
    defer { scene.remove() }
    let (first, second) = (scene.letters[0], scene.letters[1])

    let sent = try scene.send(first, expecting: 0)
    #expect(sent.stderr.contains("delivered to hale@example.org"))
    let messages = try scene.sink.messages()
    #expect(messages.count == 1)
    let received = try scene.decoded(messages[0])
    #expect(received["subject"] == "Nach Dienstag ☀ — ein Brief")
    #expect(received["to"] == "\"Dr. Hale\" <hale@example.org>")
    #expect(received["from"] == "me@example.org")
    #expect(received["type"] == "text/plain")
    #expect(received["body"] == body)
    let list = try scene.run(["list", "--state", "sent"], expecting: 0)
    #expect(list.stdout.contains(String(first.id.prefix(8))))

    // The server is down: the letter stays held, the reason is shown, nothing is lost.
    scene.sink.stop()
    let failed = try scene.send(second)
    #expect(failed.status == 74)
    #expect(failed.stderr.contains("could not be delivered"))
    #expect(failed.stderr.contains("cannot connect"))
    #expect(failed.stderr.contains("it is still held and nothing was lost"))
    let held = try scene.run(["list"], expecting: 0)
    #expect(held.stdout.contains("\(second.id.prefix(8))  held"))
    #expect(held.stdout.contains("(delivery did not go through)"))
    let status = try scene.run(["status"], expecting: 0)
    #expect(status.stdout.contains("Delivery did not go through: \(second.id.prefix(8))"))
    #expect(status.stdout.contains("cannot connect"))
    let text = try scene.run(["show", second.id, "--text-only"], expecting: 0)
    #expect(text.stdout == "Second letter.\n")

    // The server is back: the retry delivers it exactly once, and the first never again.
    try scene.sink.start()
    try scene.send(second, expecting: 0)
    let again = try scene.send(first)
    #expect(again.status == 69)
    let all = try scene.sink.messages()
    #expect(all.count == 2)
    #expect(try scene.decoded(all[1])["body"] == "Second letter.\n")
    let after = try scene.run(["status"], expecting: 0)
    #expect(!after.stdout.contains("Delivery did not go through"))
  }

  @Test func whenLettersDiesWhileTheCommandRunsItAsksInsteadOfSendingAgain() throws {
    // The command delivers, then kills letters before it can record the outcome.
    let scene = try Scene(
      [("Once", "Dear Dr. Hale,\nonce only.\n"), ("Other", "Another.\n")],
      command: { "msmtp -C '\($0)' -t && kill -KILL $PPID" })
    defer { scene.remove() }
    let (letter, other) = (scene.letters[0], scene.letters[1])

    let killed = try scene.send(letter)
    #expect(killed.status != 0)
    #expect(try scene.sink.messages().count == 1)

    // No terminal to ask on: a clear refusal, with both ways out.
    let refused = try scene.send(letter)
    #expect(refused.status == 69)
    #expect(refused.stderr.contains("never learned whether it went out"))
    #expect(refused.stderr.contains("--by-hand"))
    #expect(refused.stderr.contains("--retry"))
    #expect(try scene.sink.messages().count == 1)
    let status = try scene.run(["status"], expecting: 0)
    #expect(status.stdout.contains("may have gone out"))

    // It did arrive: recorded as sent, nothing sent again.
    try scene.run(["send", letter.id, "--by-hand"], expecting: 0)
    let shown = try scene.run(["show", letter.id, "--json"], expecting: 0)
    #expect(String(decoding: shown.stdoutData, as: UTF8.self).contains("\"state\" : \"sent\""))
    #expect(try scene.sink.messages().count == 1)

    // The other one: killed the same way; it did not arrive, so it is retried on request.
    _ = try scene.send(other)
    #expect(try scene.sink.messages().count == 2)
    try scene.run(["delivery", "set", "--command", "msmtp -C '\(scene.rc)' -t", "--from", "me@example.org"], expecting: 0)
    try scene.send(other, ["--retry"], expecting: 0)
    #expect(try scene.sink.messages().count == 3)
    #expect(try scene.send(other).status == 69)
    #expect(try scene.sink.messages().count == 3)
  }

  @Test func onATerminalItAsksWhetherAnInterruptedDeliveryArrived() throws {
    let scene = try Scene(
      [("Arrived", "Dear Dr. Hale,\nthis one arrived.\n"), ("Lost", "Dear Dr. Hale,\nthis one did not.\n")],
      command: { "msmtp -C '\($0)' -t && kill -KILL $PPID" })
    defer { scene.remove() }
    let (arrived, lost) = (scene.letters[0], scene.letters[1])
    _ = try scene.send(arrived)
    _ = try scene.send(lost)
    #expect(try scene.sink.messages().count == 2)
    try scene.run(["delivery", "set", "--command", "msmtp -C '\(scene.rc)' -t", "--from", "me@example.org"], expecting: 0)
    let environment = scene.cli.environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
    func command(_ id: String) -> String {
      "env \(environment) '\(CLI.binary.path)' send \(id); echo \"send exited $?\"; sleep 60"
    }

    // "Yes, it arrived": recorded as sent, nothing goes out again.
    let yes = TmuxPane()
    defer { yes.stop() }
    try yes.start(command(arrived.id))
    try yes.waitFor("Did it arrive?")
    try yes.type("y")
    var screen = try yes.waitFor("send exited 0")
    #expect(screen.contains("recorded as sent; nothing was sent again"))
    #expect(try scene.sink.messages().count == 2)

    // "No": the letter is shown once more, and goes out after "send", once.
    let no = TmuxPane()
    defer { no.stop() }
    try no.start(command(lost.id))
    try no.waitFor("Did it arrive?")
    try no.type("n")
    try no.waitFor("this one did not.")
    try no.press("q")
    try no.waitFor("Type send to send letter \(lost.id.prefix(8)) now")
    try no.type("send")
    screen = try no.waitFor("send exited 0")
    #expect(screen.contains("was delivered to hale@example.org"))
    #expect(try scene.sink.messages().count == 3)
    let list = try scene.run(["list", "--state", "sent"], expecting: 0)
    #expect(list.stdout.contains(String(arrived.id.prefix(8))))
    #expect(list.stdout.contains(String(lost.id.prefix(8))))
  }

  /// Two sends at once: while the first one's mail command runs, the second can neither
  /// answer for the open attempt nor deliver again; it is told to wait (75).
  @Test func aSecondSendWhileTheFirstIsStillDeliveringWaitsAndSendsNothing() throws {
    let scene = try Scene(
      [("Slow", "Dear Dr. Hale,\nonce.\n")], command: { "msmtp -C '\($0)' -t && sleep 4" })
    defer { scene.remove() }
    let letter = scene.letters[0]
    let first = try RedirectedProcess(
      CLI.binary, ["send", letter.id, "--confirm", letter.fingerprint],
      environment: scene.cli.environment, stdin: Data())
    try first.process.run()
    let deadline = Date().addingTimeInterval(30)
    while try scene.sink.messages().isEmpty, Date() < deadline { usleep(50_000) }
    #expect(try scene.sink.messages().count == 1)

    for extra in [[], ["--retry"], ["--by-hand"]] {
      let second = try scene.send(letter, extra)
      #expect(second.status == 75, "\(extra): \(second.stderr)")
      #expect(second.stderr.contains("try again in a moment"))
    }

    first.process.waitUntilExit()
    #expect(first.process.terminationStatus == 0, "\(String(decoding: first.output().stderr, as: UTF8.self))")
    #expect(try scene.sink.messages().count == 1)
    let shown = try scene.run(["show", letter.id, "--json"], expecting: 0)
    #expect(shown.stdout.contains("\"state\" : \"sent\""))
  }
}
