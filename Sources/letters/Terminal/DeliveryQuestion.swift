import Foundation
import LetterVault

/// "Did it arrive?" after an interrupted delivery: yes, no, or not now.
enum DeliveryQuestion {
  /// True when it arrived, false when it did not, nil when the writer does not know yet.
  static func ask(on terminal: TerminalSession) -> Bool? {
    while true {
      guard
        let answer = terminal.ask("Did it arrive? [y]es, [n]o (send it again), or Enter to decide later: ")?
          .lowercased()
      else { return nil }
      switch answer {
      case "y", "yes": return true
      case "n", "no": return false
      case "": return nil
      default: terminal.say("Please answer y or n, or press Enter to leave it for now.\n")
      }
    }
  }

  /// A delivery whose outcome was never recorded (FORMAT.md §19 "Delivery"): never resent
  /// silently. Returns true when the send may go on (the writer said it did not arrive).
  /// `answer` is the writer's answer from the command line (`--by-hand`: it arrived; `--retry`:
  /// it did not), else asked on the terminal.
  static func settle(_ vault: Vault, _ id: LetterID, startedAt: Date, answer: Bool?) throws
    -> Bool
  {
    var arrived = answer
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
}
