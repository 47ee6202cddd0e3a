import Foundation
import LetterVault

/// One `letters review`: each held letter, due ones first, and a choice for each. Talks on
/// the terminal; every choice is one library call, so quitting at any point loses nothing.
struct ReviewSession {
  let vault: Vault
  let terminal: TerminalSession

  private enum Next { case stay, next, quit }

  func run() throws {
    let queue = try vault.reviewQueue()
    guard !queue.isEmpty else {
      terminal.say("Nothing is held right now. Held letters will wait here for you.\n")
      return
    }
    let due = queue.filter(\.isDue).count
    terminal.say(
      "\(queue.count) held letter\(queue.count == 1 ? "" : "s"), \(due) ready to look at now.\n")
    for (index, item) in queue.enumerated() {
      var step = Next.stay
      while step == .stay {
        // Re-read each round: a note or a refused send may have changed what is shown.
        let status = try vault.sendStatus(item.summary.id)
        terminal.say(
          "\n[\(index + 1)/\(queue.count)] "
            + describe(try vault.letter(item.summary.id).summary, status))
        guard
          let answer = terminal.ask(
            "[r]ead, [s]end, [k]eep holding, back to [d]raft, add a [n]ote, [b]urn, [q]uit: ")
        else { return }
        step = try act(on: item.summary.id, answer.lowercased(), status: status)
      }
      if step == .quit { return }
    }
    terminal.say("\nThat was every held letter.\n")
  }

  private func describe(_ letter: LetterSummary, _ status: SendStatus) -> String {
    var text =
      "\(letter.id.short) to \(letter.recipient.isEmpty ? "nobody named" : letter.recipient)"
    if !letter.subject.isEmpty { text += " · \(letter.subject)" }
    text += "\n  written \(Formatting.local(letter.created)), revision \(letter.revision)"
    if letter.noteCount > 0 {
      text += ", \(letter.noteCount) note\(letter.noteCount == 1 ? "" : "s")"
    }
    switch status {
    case .ready: text += "\n  its cooling-off is over: it can be sent after a re-read"
    case .waiting(_, .untrustedClock):
      text += "\n  asked to send; it waits until the clock can be trusted again"
    case .waiting(let until, _):
      text += "\n  asked to send; it can go from \(RelativeTime.phrase(until))"
    case .notRequested, .sent: text += "\n  held, not asked to send"
    }
    if let reviewOn = letter.reviewOn {
      text += "\n  to look at again from \(RelativeTime.phrase(reviewOn))"
    }
    return text + "\n"
  }

  private func act(on id: LetterID, _ answer: String, status: SendStatus) throws -> Next {
    switch answer {
    case "r", "read":
      try Pager.show(LetterText.render(try vault.letter(id), status: status))
      return .stay
    case "s", "send": return try send(id, status: status)
    case "k", "keep": return try keep(id)
    case "d", "draft":
      try vault.backToDraft(id)
      terminal.say("Letter \(id.short) is a draft again; nothing will be sent.\n")
      return .next
    case "n", "note":
      try note(id)
      return .stay
    case "b", "burn": return try burn(id)
    case "q", "quit": return .quit
    default: return .stay
    }
  }

  private func send(_ id: LetterID, status: SendStatus) throws -> Next {
    switch status {
    case .notRequested:
      let schedule = try vault.requestSend(id)
      terminal.say(
        NotYetMessage.sentence(ReleaseWait.coolingOff.phrase, until: schedule.earliest) + "\n")
      return .next
    case .waiting(let until, let why):
      terminal.say(NotYetMessage.sentence(why, until: until) + "\n")
      return .stay
    case .sent: return .next
    case .ready:
      let letter = try vault.letter(id)
      guard try ReleaseConfirmation.ask(letter, on: terminal) else {
        terminal.say("Nothing was sent; it is still held.\n")
        return .stay
      }
      do {
        // The same path as `letters send`: mail when it has an address and a command.
        let outcome = try LetterRelease(vault: vault, id: id).go(confirming: letter.fingerprint)
        terminal.say(outcome.sentence(id) + ".\n")
        return .next
      } catch let error as VaultError {
        terminal.say(error.text + "\n")
        return .stay
      }
    }
  }

  private func keep(_ id: LetterID) throws -> Next {
    while true {
      guard
        let text = terminal.ask(
          "Look at it again on (a date like \(DateExample.iso(daysFromToday: 7)) or friday, or Enter for none): ")
      else { return .quit }
      if text.isEmpty {
        try vault.hold(id)
      } else {
        let phrase: DatePhrase
        do {
          phrase = try DateArgument(argument: text)!.future()
        } catch let error as CLIError {
          terminal.say("\(error.description).\n")
          continue
        } catch {
          terminal.say("“\(text)” is not a date letters understands; try \(DateExample.iso(daysFromToday: 7)) or friday.\n")
          continue
        }
        try vault.hold(id, reviewOn: phrase.date)
      }
      terminal.say("Kept. It is still held.\n")
      return .next
    }
  }

  private func note(_ id: LetterID) throws {
    terminal.say("How does it feel now? Write your note; an empty line ends it.\n")
    var lines: [String] = []
    while let line = terminal.ask("> "), !line.isEmpty { lines.append(line) }
    guard !lines.isEmpty else {
      terminal.say("No note was added.\n")
      return
    }
    try vault.addNote(id, text: lines.joined(separator: "\n") + "\n")
    terminal.say("Note added.\n")
  }

  private func burn(_ id: LetterID) throws -> Next {
    let answer = terminal.ask(
      "Burning destroys letter \(id.short) and its notes; it cannot be brought back. Type burn to go ahead: "
    )
    guard answer?.lowercased() == "burn" else {
      terminal.say("Not burned.\n")
      return .stay
    }
    do {
      try vault.burn(id)
    } catch {
      terminal.say(error.text + "\n")
      return .stay
    }
    terminal.say("Letter \(id.short) was burned.\n")
    return .next
  }
}
