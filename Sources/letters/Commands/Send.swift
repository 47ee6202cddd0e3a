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
    var step = try vault.nextSendStep(letterID, confirming: confirm, retrying: retry)
    if case .askWhetherItArrived(let started) = step {
      let answer: Bool? = byHand ? true : retry ? false : nil
      guard try DeliveryQuestion.settle(vault, letterID, startedAt: started, answer: answer) else {
        return
      }
      step = try vault.nextSendStep(letterID, confirming: confirm)
    }
    let release = LetterRelease(vault: vault, id: letterID, byHand: byHand)
    switch step {
    case .askWhetherItArrived(let started):
      throw VaultError.deliveryUnresolved(letter: letterID.short, startedAt: started)
    case .startCoolingOff:
      let schedule = try vault.requestSend(letterID)
      Console.info(NotYetMessage.sentence(ReleaseWait.coolingOff.phrase, until: schedule.earliest))
      Console.info("then `letters send \(letterID.short)` shows it to you once more before it goes")
    case .wait(let until, let why, let attempt):
      // The attempt goes to the vault, which records what it saw of the clock; at the very
      // moment of release it may go, and then that is the only outcome.
      guard let attempt else { throw VaultError.notYet(until: until, why: why) }
      try release.announceAndGo(confirming: attempt, expectedToGo: false)
    case .release(let fingerprint):
      try release.announceAndGo(confirming: fingerprint)
    case .reRead:
      guard TerminalSession.isInteractive, let terminal = TerminalSession() else {
        throw CLIError.invalidArgument(
          "the cooling-off of letter \(letterID.short) is over; re-read it with `letters show \(letterID.short)`, then send it with `letters send \(letterID.short) --confirm FINGERPRINT`"
        )
      }
      let letter = try vault.letter(letterID)
      guard try ReleaseConfirmation.ask(letter, on: terminal) else {
        Console.info("nothing was sent; letter \(letterID.short) is still held")
        return
      }
      try release.announceAndGo(confirming: letter.fingerprint)
    }
  }
}
