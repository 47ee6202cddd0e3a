import Foundation
import LetterVault
import Testing

/// A vault with mail set up (msmtp into a real SMTP server on 127.0.0.1) and letters to
/// Dr. Hale, each asked to send, for trying the brake as a determined writer would: one
/// command each, no root (docs/COOLING-OFF.md "What it refuses").
struct BypassScene {
  let cli: CLIFixture
  let sink: SMTPSink
  let letters: [(id: String, fingerprint: String)]
  let rc: String

  /// `requestedDaysAgo`: 0 asks to send now through the binary (24 hours of cooling-off,
  /// real clocks); more sets the vault up in process that long ago, in `zone`, so the
  /// letters are already due.
  init(count: Int = 1, requestedDaysAgo: Double = 0, zone: TimeZone = ManualClock.middayZone())
    throws
  {
    try CLI.requireReleaseBinary()
    var cli = try CLIFixture(create: false)
    cli.binary = CLI.releaseBinary
    self.cli = cli
    sink = try SMTPSink(directory: cli.directory.appendingPathComponent("smtp"))
    try sink.start()
    rc = cli.directory.appendingPathComponent("msmtprc").path
    try sink.writeMsmtpConfiguration(to: rc, from: "me@example.org")
    try FileManager.default.createDirectory(
      atPath: (cli.vault as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let clock: any VaultClock =
      requestedDaysAgo > 0
      ? ManualClock.past(Date().addingTimeInterval(-requestedDaysAgo * 86_400)) : SystemClock()
    let vault = try Vault.create(
      at: cli.vault, passphrase: Passphrase(CLIFixture.passphrase), kdf: .interactive,
      timeZone: zone, clock: clock)
    try vault.addRecipient(name: "Dr. Hale", email: "hale@example.org")
    try vault.setDelivery(
      DeliveryConfiguration(command: "msmtp -C '\(rc)' -t", from: "me@example.org"))
    var letters: [(id: String, fingerprint: String)] = []
    var ids: [LetterID] = []
    for index in 0..<count {
      let id = try vault.write(
        LetterDraft(recipient: "Dr. Hale", subject: "at night \(index)", text: "Dear Dr. Hale,\n"))
      letters.append((id.description, try vault.letter(id).fingerprint))
      ids.append(id)
    }
    self.letters = letters
    if requestedDaysAgo > 0 {
      for id in ids { try vault.requestSend(id) }
    } else {
      for letter in letters { #expect(try cli.run(["send", letter.id]).status == 0) }
    }
  }

  /// Runs `prefix` followed by the binary and `arguments` (one command, as typed).
  func run(_ prefix: [String], _ arguments: [String], vault: String? = nil) throws -> CLIResult {
    FakeTime.removeStaleSharedMemory()
    var environment = ["SWIFT_BACKTRACE": "enable=no"]
    if let vault { environment["LETTERS_VAULT"] = vault }
    return try CLI.run(
      Array(prefix.dropFirst()) + [CLI.releaseBinary.path] + arguments,
      environment: cli.environment.merging(environment) { $1 }, executable: prefix[0])
  }

  func state(_ id: String, vault: String? = nil) throws -> String {
    let shown = try cli.run(
      ["show", id, "--json"], environment: vault.map { ["LETTERS_VAULT": $0] } ?? [:])
    let object = try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any]
    return object?["state"] as? String ?? ""
  }

  /// Nothing left: every letter still held, no message at the server.
  func expectNothingReleased(vault: String? = nil) throws {
    for letter in letters { #expect(try state(letter.id, vault: vault) == "held") }
    #expect(try sink.messages().isEmpty)
  }

  func remove() {
    sink.stop()
    cli.remove()
  }

  /// "2027-01-13 15:00:00": faketime's absolute form, `days` from now, in UTC.
  static func faketimeStamp(daysFromNow days: Double) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: Date().addingTimeInterval(days * 86_400))
  }
}
