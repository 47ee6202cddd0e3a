/// Errors that belong to the command line (terminal, editor, environment), not the vault.
enum CLIError: Error, CustomStringConvertible {
  case noPassphraseSource
  case passphraseCommandFailed(status: Int32)
  case passphraseFileUnreadable(String)
  case passphrasesDiffer
  case passphraseTooShort
  case editorFailed(status: Int32)
  case emptyLetter
  case noPrivateScratch
  case interrupted
  /// SIGTERM or SIGHUP ended the command; the editor or pager was ended with it.
  case terminated(signal: Int32)
  case cannotStart(String)
  case editorNotFound(String)
  /// `--to` (or the editor's To line) is the start of more than one known name.
  case ambiguousRecipient(String, [String])
  case invalidArgument(String)
  case noTerminalForRecoveryKey
  case recoveryKeyNotConfirmed
  case burnNotConfirmed
  case mergeLeftToLetters
  case unknownCommand(UnknownCommand)
  /// `edit` found the letter changed since its text was read (at `revision` now, or sent when
  /// nil), and kept the new text as `draft` instead (docs/ARCHITECTURE.md "Two windows").
  case keptAsNewDraft(edited: String, revision: Int?, draft: String)

  var description: String {
    switch self {
    case .noPassphraseSource:
      "there is no terminal to ask for the passphrase"
    case .passphraseCommandFailed(let status):
      "LETTERS_PASSPHRASE_COMMAND exited with status \(status)"
    case .passphraseFileUnreadable(let path):
      "cannot read the passphrase file \(path)"
    case .passphrasesDiffer: "the two passphrases were not the same; nothing was changed"
    case .passphraseTooShort: "a passphrase needs at least 12 characters (four words work well)"
    case .editorFailed(let status):
      "the editor exited with status \(status); nothing was saved"
    case .emptyLetter: "the letter was empty, so nothing was saved"
    case .noPrivateScratch:
      "there is no memory-backed folder for the editor's temporary file; nothing was written"
    case .interrupted, .terminated: "stopped; nothing was saved"
    case .cannotStart(let path): "cannot start \(path)"
    case .editorNotFound(let name): "the editor “\(name)” was not found, so nothing was opened"
    case .ambiguousRecipient(let given, let names):
      "“\(given)” could be \(Self.either(names)); nothing was saved"
    case .invalidArgument(let text): text
    case .noTerminalForRecoveryKey:
      "there is no terminal to show the recovery key on, so none was made"
    case .recoveryKeyNotConfirmed:
      "the recovery key was not confirmed, so it was not added; nothing was changed"
    case .burnNotConfirmed: "the letter was not burned; it is still here"
    case .mergeLeftToLetters:
      "git does not merge two copies of the vault itself; your copy was left as it was"
    case .keptAsNewDraft(let edited, let revision?, let draft):
      "letter \(edited) was changed elsewhere while you wrote (it is now at revision \(revision)); your text is kept as a new draft, \(draft), and nothing was put over it"
    case .keptAsNewDraft(let edited, nil, let draft):
      "letter \(edited) was sent while you wrote, so its text stays as it went; your text is kept as a new draft, \(draft)"
    case .unknownCommand(let unknown):
      "“\(unknown.word)” is not a command"
        + (unknown.group.count > 1 ? " of “\(unknown.group.joined(separator: " "))”" : "")
        + (unknown.suggestions.isEmpty ? "" : "; did you mean \(Self.either(unknown.suggestions))?")
    }
  }

  var hint: String? {
    switch self {
    case .noPassphraseSource:
      "set LETTERS_PASSPHRASE_FILE or LETTERS_PASSPHRASE_COMMAND for scripts"
    case .noPrivateScratch:
      "pipe the text in instead: `letters write < letter.txt`, or set XDG_RUNTIME_DIR"
    case .noTerminalForRecoveryKey: "a script can use `letters recovery add --stdout` instead"
    case .burnNotConfirmed: "a script can pass `--confirm-id ID` with the letter's id"
    case .mergeLeftToLetters: "`git merge --abort`, then `letters sync` merges them"
    case .editorNotFound: "set EDITOR to an editor you have, such as nano or vim"
    case .keptAsNewDraft(let edited, _, let draft):
      "`letters show \(edited)` and `letters show \(draft)` show both; the draft can be copied into the letter with `letters edit`"
    case .ambiguousRecipient: "give more of the name"
    case .unknownCommand(let unknown) where unknown.suggestions.isEmpty:
      "`\(unknown.group.joined(separator: " ")) --help` lists the commands"
    default: nil
    }
  }

  var exitCode: Int32 {
    switch self {
    case .passphrasesDiffer, .passphraseTooShort, .invalidArgument: 64
    case .noTerminalForRecoveryKey, .recoveryKeyNotConfirmed, .burnNotConfirmed: 64
    case .ambiguousRecipient: 64
    case .unknownCommand: 64
    case .emptyLetter, .editorFailed, .editorNotFound, .cannotStart: 1
    case .mergeLeftToLetters: 1
    case .keptAsNewDraft: 69
    case .noPassphraseSource, .passphraseFileUnreadable, .passphraseCommandFailed: 74
    case .noPrivateScratch: 74
    case .interrupted: 130
    case .terminated(let signal): 128 + signal
    }
  }

  /// “a”, “a” or “b”, “a”, “b” or “c”.
  private static func either(_ names: [String]) -> String {
    let quoted = names.map { "“\($0)”" }
    return quoted.count == 1
      ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
  }
}
