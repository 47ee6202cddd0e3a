import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// Delivery through the mail command, with the cooling-off brake in front of it. The command
/// is a real shell command at the system edge that appends each message to a file, so every
/// test can count exactly how many messages went out.
@Suite struct VaultDeliveryTests {
  struct Scene {
    let fixture: ExchangeFixture
    let outbox: String
    var vault: Vault { fixture.vault }

    init(command: ((String) -> String)? = nil) throws {
      fixture = try ExchangeFixture(empty: true)
      outbox = fixture.directory.appendingPathComponent("outbox").path
      try fixture.vault.addRecipient(name: "Dr. Hale", email: "hale@example.org")
      try fixture.vault.setDelivery(
        DeliveryConfiguration(command: (command ?? Self.appending)(outbox), from: "me@example.org"))
    }

    /// Appends the message and a separator line, so messages can be counted.
    static func appending(_ path: String) -> String { "{ cat; echo '@@END@@'; } >> '\(path)'" }

    /// A letter asked to be sent whose cooling-off is over, outside quiet hours (the fixture
    /// starts at 22:14 Berlin; 33 hours later it is 07:14).
    func held(_ text: String = "Dear Dr. Hale,\nthank you.\n", subject: String = "Tuesday") throws -> LetterID {
      let id = try vault.write(LetterDraft(recipient: "Dr. Hale", subject: subject, text: text))
      try vault.requestSend(id)
      fixture.clock.advance(33 * 3600)
      return id
    }

    func sentMessages() -> [String] {
      guard let text = try? String(contentsOfFile: outbox, encoding: .utf8) else { return [] }
      return text.components(separatedBy: "@@END@@\n").filter { !$0.isEmpty }
    }

    @discardableResult
    func deliver(_ id: LetterID, timeout: TimeInterval = 30) throws -> DeliveryReceipt {
      try vault.deliver(
        id, confirming: try vault.letter(id).fingerprint, environment: ["PATH": "/usr/bin:/bin"],
        timeout: timeout)
    }

    func remove() { fixture.remove() }
  }

  @Test func aLetterIsDeliveredOnceAndRecordedAsSent() throws {
    let scene = try Scene()
    defer { scene.remove() }
    let body = "Liebe Frau Dr. Hale,\nich schreibe trotzdem. ✉️\nFrom now on, = and trailing \n"
    let id = try scene.held(body, subject: "Nach Dienstag ☀")

    let receipt = try scene.deliver(id)

    #expect(receipt.address == "hale@example.org")
    let summary = try scene.vault.letter(id).summary
    #expect(summary.state == .sent)
    #expect(summary.sentHow == "delivered")
    #expect(summary.deliveryError.isEmpty)
    #expect(try scene.vault.unresolvedDelivery(id) == nil)
    let messages = scene.sentMessages()
    #expect(messages.count == 1)
    let received = try LetterImporter().read([ImportSource(name: "m.eml", bytes: Array(messages[0].utf8), modified: Date())])
    #expect(received.first?.body == body)
    #expect(received.first?.subject == "Nach Dienstag ☀")
    #expect(messages[0].hasPrefix("From: me@example.org\nTo: \"Dr. Hale\" <hale@example.org>\n"))
    #expect(try scene.vault.history(id).map(\.kind).suffix(2) == [.deliveryStarted, .sent])

    #expect(throws: VaultError.self) { try scene.deliver(id) }
    #expect(scene.sentMessages().count == 1)
  }

  @Test func aRefusedDeliveryKeepsTheLetterHeldWithTheReasonAndALaterTryWorks() throws {
    let scene = try Scene(command: { _ in "echo 'msmtp: cannot connect to 127.0.0.1' >&2; exit 69" })
    defer { scene.remove() }
    let id = try scene.held()

    #expect(throws: VaultError.deliveryFailed(letter: id.short, reason: "msmtp: cannot connect to 127.0.0.1")) {
      try scene.deliver(id)
    }
    let summary = try scene.vault.letter(id).summary
    #expect(summary.state == .held)
    #expect(summary.deliveryError == "msmtp: cannot connect to 127.0.0.1")
    #expect(try scene.vault.status().deliveryProblems.map(\.id) == [id])
    // `list`'s line, read in place from the listing, says so too.
    var failed: [LetterID] = []
    try scene.vault.listed().forEach { if $0.hasDeliveryError { failed.append($0.id) } }
    #expect(failed == [id])
    #expect(try scene.vault.letter(id).body == "Dear Dr. Hale,\nthank you.\n")

    try scene.vault.setDelivery(DeliveryConfiguration(command: Scene.appending(scene.outbox), from: "me@example.org"))
    try scene.deliver(id)
    #expect(scene.sentMessages().count == 1)
    #expect(try scene.vault.status().deliveryProblems.isEmpty)
    #expect(try scene.vault.letter(id).summary.state == .sent)
  }

  @Test func anAttemptWithoutAnOutcomeIsNeverRetriedSilently() throws {
    let scene = try Scene(command: { "{ cat; echo '@@END@@'; } >> '\($0)'; exec sleep 30" })
    defer { scene.remove() }
    let id = try scene.held()

    let error = #expect(throws: VaultError.self) { try scene.deliver(id, timeout: 0.5) }
    guard case .deliveryUnresolved(let letter, _)? = error else {
      Issue.record("expected deliveryUnresolved, got \(String(describing: error))")
      return
    }
    #expect(letter == id.short)
    #expect(scene.sentMessages().count == 1)
    #expect(try scene.vault.unresolvedDelivery(id) != nil)
    #expect(try scene.vault.letter(id).summary.state == .held)
    #expect(try scene.vault.status().deliveryProblems.map(\.id) == [id])

    // Asking again does not run the command again, even a working one.
    try scene.vault.setDelivery(DeliveryConfiguration(command: Scene.appending(scene.outbox), from: "me@example.org"))
    #expect(throws: VaultError.self) { try scene.deliver(id) }
    #expect(scene.sentMessages().count == 1)

    // The writer says it did not arrive: a retry is allowed, and goes out once.
    try scene.vault.resolveDelivery(id, wentOut: false)
    #expect(try scene.vault.letter(id).summary.deliveryError == "an earlier delivery was interrupted; it did not go out")
    try scene.deliver(id)
    #expect(scene.sentMessages().count == 2)
    #expect(try scene.vault.letter(id).summary.state == .sent)
  }

  @Test func anAttemptCutOffBeforeItsOutcomeIsRecordedAsksForAnAnswer() throws {
    let scene = try Scene()
    defer { scene.remove() }
    let id = try scene.held()
    // The process dies after the attempt is recorded and the command ran: no outcome.
    _ = try scene.vault.deliveryDesk.startDelivery(id, confirming: try scene.vault.letter(id).fingerprint)
    let reopened = try Vault.open(at: scene.fixture.path, passphrase: scene.fixture.passphrase, clock: scene.fixture.clock)

    #expect(try reopened.unresolvedDelivery(id) != nil)
    #expect(try reopened.letter(id).summary.deliveryError == "letters stopped while the mail command ran; it may have gone out")
    #expect(throws: VaultError.self) {
      try reopened.deliver(id, confirming: try reopened.letter(id).fingerprint, environment: [:])
    }
    #expect(scene.sentMessages().isEmpty)

    try reopened.resolveDelivery(id, wentOut: true)
    let summary = try reopened.letter(id).summary
    #expect(summary.state == .sent)
    #expect(summary.sentHow == "delivered")
    #expect(summary.deliveryError.isEmpty)
    #expect(scene.sentMessages().isEmpty)
  }

  /// While a delivery runs (another process holds the lock), its open attempt is not taken
  /// for a dead one: no answer, no second delivery. The lock here is taken through its own
  /// open file description, exactly as another process's would be.
  @Test func anAttemptStillRunningElsewhereCannotBeAnsweredOrRepeated() throws {
    let scene = try Scene()
    defer { scene.remove() }
    let id = try scene.held()
    let path = try #require(scene.vault.deliveryDesk.deliveryLockPath)
    try withExtendedLifetime(try DeliveryLock.acquire(path)) {
      _ = try scene.vault.deliveryDesk.startDelivery(id, confirming: try scene.vault.letter(id).fingerprint)
      #expect(DeliveryLock.isHeld(path))
      #expect(throws: VaultError.busy) { try scene.vault.unresolvedDelivery(id) }
      #expect(throws: VaultError.busy) { try scene.vault.resolveDelivery(id, wentOut: false) }
      #expect(throws: VaultError.busy) { try scene.deliver(id) }
      #expect(scene.sentMessages().isEmpty)
    }

    // The other process is gone (the kernel dropped its lock): now the writer is asked.
    #expect(try scene.vault.unresolvedDelivery(id) != nil)
    try scene.vault.resolveDelivery(id, wentOut: false)
    try scene.deliver(id)
    #expect(scene.sentMessages().count == 1)
    #expect(!DeliveryLock.isHeld(path))
  }

  @Test func theCoolingOffAndQuietHoursHoldAndNothingRunsBeforeThem() throws {
    let scene = try Scene()
    defer { scene.remove() }
    let id = try scene.vault.write(LetterDraft(recipient: "Dr. Hale", text: "Too soon.\n"))
    try scene.vault.requestSend(id)
    scene.fixture.clock.advance(3600)

    let early = #expect(throws: VaultError.self) { try scene.deliver(id) }
    guard case .notYet(let until, _)? = early else {
      Issue.record("expected notYet, got \(String(describing: early))")
      return
    }
    #expect(until > scene.fixture.clock.now().addingTimeInterval(20 * 3600))

    // 24 hours after the request it is 22:14 in Berlin: cooling-off over, quiet hours not.
    scene.fixture.clock.advance(23 * 3600)
    let quiet = #expect(throws: VaultError.self) { try scene.deliver(id) }
    if case .notYet? = quiet {} else { Issue.record("expected notYet, got \(String(describing: quiet))") }
    #expect(scene.sentMessages().isEmpty)
    #expect(try scene.vault.unresolvedDelivery(id) == nil)
    #expect(try scene.vault.letter(id).summary.state == .held)

    scene.fixture.clock.advance(9 * 3600)
    try scene.deliver(id)
    #expect(scene.sentMessages().count == 1)
  }

  @Test func aWrongFingerprintADraftOrNoAddressSendNothing() throws {
    let scene = try Scene()
    defer { scene.remove() }
    let id = try scene.held()
    #expect(throws: VaultError.fingerprintMismatch(id.short)) {
      try scene.vault.deliver(id, confirming: "0000-0000-0000", environment: [:])
    }
    let draft = try scene.vault.write(LetterDraft(recipient: "Dr. Hale", text: "Not yet.\n"))
    #expect(throws: VaultError.self) { try scene.deliver(draft) }
    let mum = try scene.vault.write(LetterDraft(recipient: "Mum", text: "Hi.\n"))
    try scene.vault.requestSend(mum)
    scene.fixture.clock.advance(33 * 3600)
    #expect(try scene.vault.deliveryAddress(mum) == nil)
    #expect(try scene.vault.deliveryAddress(id) == "hale@example.org")
    #expect(throws: VaultError.self) { try scene.deliver(mum) }
    #expect(scene.sentMessages().isEmpty)
    #expect(try scene.vault.unresolvedDelivery(id) == nil)
    #expect(try scene.vault.letter(id).summary.state == .held)
  }
}
