import LetterVault

/// `--to` and the editor's To line as the writer meant them (``RecipientMatch``), with the
/// choice said aloud: a name completed from its start is always named back.
struct RecipientChoice {
  /// The name the letter gets.
  let name: String
  /// When the typed start fitted several names: those names (the letter kept the name as typed).
  let couldBe: [String]

  /// For a name given before anything was typed: an ambiguous start is refused (exit 64),
  /// since nothing is lost yet.
  static func beforeWriting(_ typed: String, in vault: Vault) throws -> String {
    let match = try vault.matchRecipient(typed)
    if case .ambiguous(let names) = match { throw CLIError.ambiguousRecipient(typed, names) }
    announce(match)
    return match.name ?? typed
  }

  /// For the To line after the letter was written, when it differs from `given` (already
  /// chosen): an ambiguous start is kept as typed, so a letter is never lost over a name
  /// (``remind(_:)`` says how to change it).
  static func afterWriting(_ typed: String, given: String, in vault: Vault) throws -> RecipientChoice {
    guard typed != given else { return RecipientChoice(name: typed, couldBe: []) }
    let match = try vault.matchRecipient(typed)
    if case .ambiguous(let names) = match {
      return RecipientChoice(name: typed.trimmingCharacters(in: .whitespaces), couldBe: names)
    }
    announce(match)
    return RecipientChoice(name: match.name ?? typed, couldBe: [])
  }

  /// After saving letter `id`: the name that was kept, and how to give the intended one.
  func remind(_ id: LetterID) {
    guard !couldBe.isEmpty else { return }
    Console.info(
      "“\(name)” could be \(couldBe.map { "“\($0)”" }.joined(separator: " or ")), so it was kept as you typed it")
    Console.info("to change it: letters edit \(id.short) --keep-text --to NAME")
  }

  private static func announce(_ match: RecipientMatch) {
    if case .completed(let name) = match { Console.info("to \(name)") }
  }
}
