import Foundation
import Testing

/// SIGTERM and SIGHUP to letters while a real editor is open: the editor is ended, no file
/// with the text is left (nano writes `letter.txt.save` as it dies, vim may keep
/// `.letter.txt.swp` or `letter.txt~`), the terminal's modes are as before and nothing is saved.
@Suite(.serialized) struct EditorSignalTests {
  func endWhileEditing(editor: String, signal: Int32, saveFirst: Bool) throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let before = try fixture.vaultBytes()
    let pane = try EditorPane(fixture, editor: editor, ["write", "--to", "Mum"])
    defer { pane.stop() }
    try pane.tmux.waitFor(editor == "nano" ? "^X Exit" : "Subject:")
    let letters = try pane.lettersPID()
    let editorPID = try #require(EditorPane.children(of: letters).first)
    if editor == "nano" {
      try pane.tmux.keys("Down", "Down", "Down", "Down")
      try pane.tmux.press("unsaved words in nano")
      if saveFirst {
        try pane.tmux.keys("C-s")
        try pane.tmux.waitFor("Wrote")
      }
    } else {
      try pane.tmux.keys("G", "o")
      try pane.tmux.press("unsaved words in vim")
      try pane.tmux.keys("Escape")
      if saveFirst {
        try pane.tmux.type(":w")
        try pane.tmux.waitFor("written")
      }
    }
    let scratch = try #require(
      (try FileManager.default.contentsOfDirectory(atPath: fixture.runtimeDirectory)).first {
        $0.hasPrefix("letters-edit.")
      })
    #expect(kill(letters, signal) == 0)
    #expect(try pane.exitStatus() == 128 + signal)
    #expect(kill(editorPID, 0) != 0, "the editor was ended with letters")
    #expect(pane.leftovers().isEmpty, "no scratch folder \(scratch) or side file")
    let shm = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/shm")) ?? []
    #expect(!shm.contains(scratch))
    #expect(pane.terminalModesRestored())
    #expect(try pane.tmux.screen().contains("stopped; nothing was saved"))
    #expect(try fixture.vaultBytes() == before)
  }

  @Test func sigtermWhileVimHasSavedText() throws {
    try endWhileEditing(editor: "vim", signal: SIGTERM, saveFirst: true)
  }

  @Test func sighupWhileVimHasUnsavedText() throws {
    try endWhileEditing(editor: "vim", signal: SIGHUP, saveFirst: false)
  }

  @Test func sigtermWhileNanoHasUnsavedText() throws {
    try endWhileEditing(editor: "nano", signal: SIGTERM, saveFirst: false)
  }

  @Test func sighupWhileNanoHasSavedText() throws {
    try endWhileEditing(editor: "nano", signal: SIGHUP, saveFirst: true)
  }

  /// The header flow: nothing about the letter in letters's command line while the editor is open.
  @Test func toAndSubjectTypedInTheEditorStayOutOfTheCommandLine() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let pane = try EditorPane(fixture, editor: "vim", ["write"])
    defer { pane.stop() }
    try pane.tmux.waitFor("Subject:")
    try pane.tmux.keys("1G", "A")
    try pane.tmux.press("Dr Secret Therapist")
    try pane.tmux.keys("Escape", "2G", "A")
    try pane.tmux.press("about the affair")
    try pane.tmux.keys("Escape", "3G", "A")
    try pane.tmux.press("therapy, unsent")
    try pane.tmux.keys("Escape", "G", "o")
    try pane.tmux.press("The text of the letter.")
    try pane.tmux.keys("Escape")
    let letters = try pane.lettersPID()
    let commandLine = EditorPane.commandLine(of: letters)
    #expect(commandLine.hasSuffix("letters write "), "\(commandLine)")
    for child in EditorPane.children(of: letters) {
      #expect(!EditorPane.commandLine(of: child).contains("Secret"))
    }
    try pane.tmux.type(":wq")
    #expect(try pane.exitStatus() == 0)
    let shown = try fixture.run(["list", "--json"])
    let letter = try #require(
      (try JSONSerialization.jsonObject(with: shown.stdoutData) as? [[String: Any]])?.first)
    #expect(letter["to"] as? String == "Dr Secret Therapist")
    #expect(letter["subject"] as? String == "about the affair")
    #expect(letter["tags"] as? [String] == ["therapy", "unsent"])
    let id = try #require(letter["id"] as? String)
    #expect(try fixture.run(["show", id, "--text-only"]).stdout == "The text of the letter.\n")
  }
}
