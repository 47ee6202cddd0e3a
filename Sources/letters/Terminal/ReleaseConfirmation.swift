import LetterVault

/// The re-read before a letter leaves (COOLING-OFF.md "The rules"; COOLING-OFF.md "The rules"
/// rule 5): the whole final text in the pager, then a typed word. Only an exact "send"
/// sends; anything else, or no terminal, keeps the letter held.
enum ReleaseConfirmation {
  static let word = "send"

  /// Shows `letter` and asks; true only when the writer typed the word.
  static func ask(_ letter: Letter, on terminal: TerminalSession) throws -> Bool {
    terminal.say(
      "Here is the whole letter once more. Take your time; quit the pager when you are done.\n")
    try Pager.show(LetterText.render(letter))
    let answer = terminal.ask(
      "Type \(word) to send letter \(letter.summary.id.short) now, or press Enter to keep it held: "
    )
    return answer?.lowercased() == word
  }
}
