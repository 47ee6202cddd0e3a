import ArgumentParser
import LetterVault

struct Send: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Ask to send a letter, or send one whose cooling-off is over.",
    discussion: """
      The first time, this starts the letter's cooling-off. When it is over (and it is not \
      quiet hours), run it again: you re-read the whole letter and type "send". Without a \
      terminal, confirm the re-read with --confirm and the fingerprint `letters show` prints. \
      There is no way to skip the cooling-off.
      """)

  @OptionGroup var options: VaultOptions
  @Argument(help: "The letter's id (4 or more characters).", completion: Completions.letterIDs) var id: String
  @Option(
    help: ArgumentHelp(
      "The fingerprint from `letters show`, for scripts.", valueName: "fingerprint"))
  var confirm: String?
  @Flag(help: "Record that you sent it or handed it over yourself.") var byHand = false

  func run() throws {
    let vault = try options.open()
    let letterID = try vault.resolve(id)
    switch try vault.sendStatus(letterID) {
    case .sent(let date):
      throw VaultError.notAllowed(
        "letter \(letterID.short) was sent on \(Formatting.local(date)); a letter is never sent twice"
      )
    case .notRequested:
      let schedule = try vault.requestSend(letterID)
      Console.info(NotYetMessage.sentence(ReleaseWait.coolingOff.phrase, until: schedule.earliest))
      Console.info("then `letters send \(letterID.short)` shows it to you once more before it goes")
    case .waiting(let until, let why):
      // With --confirm the attempt goes to the vault, which records what it saw of the clock.
      if let confirm { try release(vault, letterID, confirming: confirm) }
      throw VaultError.notYet(until: until, reason: why.phrase)
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

  private func release(_ vault: Vault, _ id: LetterID, confirming fingerprint: String) throws {
    // Every release is by hand for now. Delivery (issue 4) branches here: a recipient with
    // an address and a configured mail command, without --by-hand, is delivered, and
    // recorded with `.delivered`.
    let sentAt = try vault.release(id, confirming: fingerprint, how: .byHand)
    Console.info(
      "letter \(id.short) is recorded as sent by hand, \(Formatting.local(sentAt)). Its text stays as it is; notes can still be added"
    )
  }
}
