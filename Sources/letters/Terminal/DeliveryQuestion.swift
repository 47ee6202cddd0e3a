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
}
