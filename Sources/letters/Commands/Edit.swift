import ArgumentParser
import LetterVault

struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Save a new revision of a letter (text from stdin or $EDITOR).",
    discussion: """
      In the editor the letter opens below its header (To, Subject, Tags), which can be \
      changed there. Leaving the editor without a change saves nothing, so the cooling-off \
      of a waiting letter does not start again.
      """)

  @OptionGroup var options: VaultOptions
  @Argument(help: "The letter's id (4 or more characters).", completion: Completions.letterIDs) var id: String
  @Option(help: "A new recipient (or the start of a known name).", completion: Completions.recipients)
  var to: String?
  @Option(help: "A new subject.") var subject: String?
  @Flag(help: "Change only --to/--subject and keep the text.") var keepText = false

  func run() throws {
    let vault = try options.open()
    let letterID = try vault.resolve(id)
    let current = try vault.letterToEdit(letterID)
    let to = try self.to.map { try RecipientChoice.beforeWriting($0, in: vault) }
    if keepText {
      try vault.edit(letterID, body: nil, recipient: to, subject: subject)
    } else {
      let before = LetterHeader(
        to: current.summary.recipient, subject: current.summary.subject, tags: current.summary.tags)
      var given = before
      given.to = to ?? given.to
      given.subject = subject ?? given.subject
      let text = Array(current.body.utf8)
      let (header, body) = try BodyInput.readLetter(given, body: text)
      // From the editor or from stdin alike: the same text is not a new revision, and for a
      // letter that cools a new revision would start its wait again.
      if header == before && body == text {
        return Console.info("nothing changed, so letter \(letterID.short) is as it was")
      }
      let recipient = try RecipientChoice.afterWriting(header.to, given: given.to, in: vault)
      let draft = LetterDraft(recipient: recipient.name, subject: header.subject, tags: header.tags ?? [], body: body)
      try save(draft, over: current.summary.revision, of: letterID, in: vault)
      recipient.remind(letterID)
    }
    let edited = try vault.letter(letterID)
    Console.info("saved revision \(edited.summary.revision) of \(letterID.short)")
    if edited.summary.releaseAt != nil {
      Console.info("its cooling-off starts again from now")
    }
  }

  /// Saves `draft` as the next revision of the letter read at revision `revision`. If another
  /// window saved the letter meanwhile, or sent it, neither text may be lost: this one becomes
  /// a draft of its own and the error names both (ARCHITECTURE.md "Two windows").
  private func save(_ draft: LetterDraft, over revision: Int, of letterID: LetterID, in vault: Vault) throws {
    do {
      try vault.edit(
        letterID, body: draft.body, recipient: draft.recipient, subject: draft.subject, tags: draft.tags,
        basedOn: revision)
    } catch let error {
      let now: Int?
      switch error {
      case .notAllowed(.changedSinceRead(_, let revision)): now = revision
      case .notAllowed(.sentTextIsKept): now = nil
      default: throw error
      }
      let kept = try vault.write(draft)
      throw CLIError.keptAsNewDraft(edited: letterID.short, revision: now, draft: kept.short)
    }
  }
}
