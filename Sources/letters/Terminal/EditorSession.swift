import Foundation

/// One run of `$VISUAL`/`$EDITOR` on a private scratch file (FORMAT.md §12.3, README "At the
/// terminal"): the editor runs in the terminal's foreground (``ForegroundProcess``), the file
/// lives in a ``ScratchFolder`` on tmpfs with a neutral name (editors record paths in their
/// history), and the folder with every side file is removed on every path: normal exit,
/// editor failure, an error of ours, or SIGTERM/SIGHUP (``SignalCleanup``).
struct EditorSession {
  let base: String

  /// Finds the scratch base, asking before falling back to disk (never without a terminal).
  static func make() throws -> EditorSession {
    if let base = ScratchDirectory.base() { return EditorSession(base: base) }
    let fallback = NSTemporaryDirectory()
    guard
      TerminalPrompt.confirm(
        "There is no memory-backed folder here, so the text would be written to \(fallback) while you edit. Use it?")
    else { throw CLIError.noPrivateScratch }
    return EditorSession(base: fallback)
  }

  /// Opens the editor on `initial` and returns what was saved.
  func edit(_ initial: [UInt8]) throws -> [UInt8] {
    // From here until the folder is gone, a signal waits for us to remove it (SignalCleanup).
    SignalCleanup.deferExit(true)
    defer { SignalCleanup.deferExit(false) }
    let saved: [UInt8]
    do {
      let folder = try ScratchFolder.create(in: base, holding: initial)
      defer { ScratchFolder.destroy(folder.directory) }
      let command = try EditorCommand.resolve(file: folder.file)
      let status = try ForegroundProcess.runOnTerminal(
        command.path, arguments: command.arguments, environment: ChildEnvironment.scrubbed())
      guard status == 0 else { throw CLIError.editorFailed(status: status) }
      guard let bytes = folder.saved() else { throw CLIError.emptyLetter }
      saved = bytes
    }
    try SignalCleanup.honourPending()
    return saved
  }
}
