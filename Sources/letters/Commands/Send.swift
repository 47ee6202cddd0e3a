import ArgumentParser
import Foundation
import LetterVault

struct Send: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "send",
    abstract: "Ask to send a letter, or send one whose cooling-off is over.",
    discussion: """
      The first time, this starts the letter's cooling-off. When it is over (and it is not \
      quiet hours), run it again: you re-read the whole letter and type "send". Without a \
      terminal, confirm the re-read with --confirm and the fingerprint `letters show` prints. \
      There is no way to skip the cooling-off. \
      When the recipient has an email address and a mail command is set up (`letters \
      delivery set`), the released letter is delivered through it; otherwise, or with \
      --by-hand, it is recorded as sent by you. A failed delivery keeps the letter held; \
      running `letters send` again tries again. If letters stopped while the mail command \
      ran, it asks whether the letter arrived instead of sending it again: answer with \
      --by-hand (it arrived) or --retry (it did not).
      """)

  @OptionGroup var options: VaultOptions
  @Argument(help: "The letter's id (4 or more characters).", completion: Completions.letterIDs) var id: String
  @Option(
    help: ArgumentHelp(
      "The fingerprint from `letters show`, for scripts.", valueName: "fingerprint"))
  var confirm: String?
  @Flag(help: "Record that you sent it or handed it over yourself; nothing is mailed.")
  var byHand = false
  @Flag(help: "An interrupted delivery did not arrive: allow it to be delivered again.")
  var retry = false

  func validate() throws {
    if byHand && retry {
      throw ValidationError("--by-hand and --retry say opposite things; choose one")
    }
  }

  func run() throws {
    let vault = try options.open()
    let letterID = try vault.resolve(id)
    if let started = try vault.unresolvedDelivery(letterID) {
      guard try settleInterruptedDelivery(vault, letterID, startedAt: started) else { return }
    } else if retry {
      throw VaultError.notAllowed(.noInterruptedDelivery(letterID))
    }
    let status = try vault.sendStatus(letterID)
    if case .sent(let date) = status { throw VaultError.notAllowed(.wasSent(letterID, on: date)) }
    // A fingerprint that is not the letter's current one is refused whatever the letter's
    // state: it never starts a cooling-off nor waits for one (docs/COOLING-OFF.md).
    if let confirm, !Vault.sameFingerprint(confirm, try vault.letter(letterID).fingerprint) {
      throw VaultError.fingerprintMismatch(letterID.short)
    }
    switch status {
    case .sent: return
    case .notRequested:
      let schedule = try vault.requestSend(letterID)
      Console.info(NotYetMessage.sentence(ReleaseWait.coolingOff.phrase, until: schedule.earliest))
      Console.info("then `letters send \(letterID.short)` shows it to you once more before it goes")
    case .waiting(let until, let why):
      // With --confirm the attempt goes to the vault, which records what it saw of the clock;
      // at the very moment of release it may go, and then that is the only outcome.
      if let confirm {
        try release(vault, letterID, confirming: confirm, expectedToGo: false)
        return
      }
      throw VaultError.notYet(until: until, why: why)
    case .ready:
      if let confirm {
        try release(vault, letterID, confirming: confirm)
      } else if TerminalSession.isInteractive, let terminal = TerminalSession() {
        let letter = try vault.letter(letterID)
        guard try ReleaseConfirmation.ask(letter, on: terminal) else {
          Console.info("nothing was sent; letter \(letterID.short) is still held")
          return
        }
        try release(vault, letterID, confirming: letter.fingerprint)
      } else {
        throw CLIError.invalidArgument(
          "the cooling-off of letter \(letterID.short) is over; re-read it with `letters show \(letterID.short)`, then send it with `letters send \(letterID.short) --confirm FINGERPRINT`"
        )
      }
    }
  }

  /// A delivery whose outcome was never recorded (FORMAT.md §19 "Delivery"): never resent
  /// silently. Returns true when the send may go on (the writer said it did not arrive).
  private func settleInterruptedDelivery(_ vault: Vault, _ id: LetterID, startedAt: Date) throws
    -> Bool
  {
    var arrived: Bool? = byHand ? true : retry ? false : nil
    if arrived == nil, TerminalSession.isInteractive, let terminal = TerminalSession() {
      terminal.say(
        "letters started to deliver letter \(id.short) on \(Formatting.local(startedAt)) and stopped before it learned whether it went out.\nYour sent mail, or the recipient, can tell.\n"
      )
      arrived = DeliveryQuestion.ask(on: terminal)
    }
    guard let arrived else {
      throw VaultError.deliveryUnresolved(letter: id.short, startedAt: startedAt)
    }
    try vault.resolveDelivery(id, wentOut: arrived)
    if arrived {
      Console.info("letter \(id.short) is recorded as sent; nothing was sent again")
      return false
    }
    Console.info("noted: the interrupted delivery of letter \(id.short) did not arrive")
    return true
  }

  /// `expectedToGo` is false when the status said it must still wait (the attempt is made so
  /// the vault records what it saw of the clock): then nothing announces a delivery.
  private func release(
    _ vault: Vault, _ id: LetterID, confirming fingerprint: String, expectedToGo: Bool = true
  ) throws {
    let release = LetterRelease(vault: vault, id: id, byHand: byHand)
    if expectedToGo, let address = try release.address() {
      Console.info("delivering letter \(id.short) to \(address)…")
    }
    Console.info(try release.go(confirming: fingerprint).sentence(id))
  }
}
