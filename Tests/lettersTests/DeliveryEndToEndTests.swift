import Foundation
import Testing

@testable import LetterVault

/// The whole way out through a real SMTP server on 127.0.0.1 (aiosmtpd) with msmtp as the
/// delivery command. The release is driven through the library's `deliver` (the `letters send`
/// wiring waits for the cooling-off branch); `list` and `status` are the real binary.
@Suite(.serialized) struct DeliveryEndToEndTests {
  /// Subject, To, From and body of a received message, decoded by Python's email package:
  /// an independent reader, not ours.
  static func decoded(_ message: Data, in directory: URL) throws -> [String: String] {
    let file = directory.appendingPathComponent("decode-\(UUID().uuidString).eml")
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

  @Test func aLetterGoesOutThroughMsmtpAndAFailedOneWaitsSafelyForARetry() throws {
    let cli = try CLIFixture(create: false)
    defer { cli.remove() }
    let sink = try SMTPSink(directory: cli.directory.appendingPathComponent("smtp"))
    defer { sink.stop() }
    try sink.start()
    let rc = cli.directory.appendingPathComponent("msmtprc").path
    try sink.writeMsmtpConfiguration(to: rc, from: "me@example.org")
    try FileManager.default.createDirectory(
      atPath: (cli.vault as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    let vault = try Vault.create(
      at: cli.vault, passphrase: Passphrase(CLIFixture.passphrase), kdf: .interactive,
      clock: PastClock(Date().addingTimeInterval(-86_400)))
    try vault.mutate { session, manifest in
      var settings = try vault.loadSettings(in: session, manifest: manifest)
      settings.recipients.append(.init(name: "Dr. Hale", email: "hale@example.org", coolingOffSeconds: 0))
      try vault.saveSettings(settings, in: session, manifest: &manifest)
    }
    try vault.setDelivery(DeliveryConfiguration(command: "msmtp -C '\(rc)' -t", from: "me@example.org"))
    let body = "Liebe Frau Dr. Hale,\n\nich habe es aufgeschrieben. Ünïcödé ✉️ — = 100%\nFrom here on.\n.\n"
    let first = try vault.write(LetterDraft(recipient: "Dr. Hale", subject: "Nach Dienstag ☀ — ein Brief", text: body))
    let second = try vault.write(LetterDraft(recipient: "Dr. Hale", subject: "Noch einer", text: "Second letter.\n"))
    try vault.hold(first)
    try vault.hold(second)
    let environment = ["PATH": "/usr/bin:/bin"]

    let receipt = try vault.deliver(first, confirming: try vault.letter(first).fingerprint, environment: environment)
    #expect(receipt.address == "hale@example.org")
    let messages = try sink.messages()
    #expect(messages.count == 1)
    let received = try Self.decoded(messages[0], in: cli.directory)
    #expect(received["subject"] == "Nach Dienstag ☀ — ein Brief")
    #expect(received["to"] == "\"Dr. Hale\" <hale@example.org>")
    #expect(received["from"] == "me@example.org")
    #expect(received["type"] == "text/plain")
    #expect(received["body"] == body)

    // The server is down: the letter stays held, the reason is shown, nothing is lost.
    sink.stop()
    let error = #expect(throws: VaultError.self) {
      try vault.deliver(second, confirming: try vault.letter(second).fingerprint, environment: environment)
    }
    guard case .deliveryFailed(_, let reason)? = error else {
      Issue.record("expected deliveryFailed, got \(String(describing: error))")
      return
    }
    #expect(reason.contains("cannot connect"))
    let list = try cli.run(["list"])
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.contains("\(second.short)  held"))
    #expect(list.stdout.contains("(delivery did not go through)"))
    let status = try cli.run(["status"])
    #expect(status.stdout.contains("Delivery did not go through: \(second.short)"))
    #expect(status.stdout.contains("cannot connect"))
    #expect(try cli.run(["show", second.description, "--text-only"]).stdout == "Second letter.\n")

    // The server is back: the retry delivers it exactly once, and the first never again.
    try sink.start()
    let reopened = try Vault.open(at: cli.vault, passphrase: Passphrase(CLIFixture.passphrase))
    try reopened.deliver(second, confirming: try reopened.letter(second).fingerprint, environment: environment)
    #expect(throws: VaultError.self) {
      try reopened.deliver(first, confirming: try reopened.letter(first).fingerprint, environment: environment)
    }
    let all = try sink.messages()
    #expect(all.count == 2)
    #expect(try Self.decoded(all[1], in: cli.directory)["body"] == "Second letter.\n")
    #expect(!(try cli.run(["status"]).stdout.contains("Delivery did not go through")))
  }
}
