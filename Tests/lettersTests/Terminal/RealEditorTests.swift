import Foundation
import Testing

/// `write` with the real vim and nano in a real terminal (tmux), as a person types: the
/// editor must be in the terminal's foreground (it hung, stopped by the kernel, when it was
/// not), saving and quitting must do what the person meant, and a SIGTERM or SIGHUP to
/// letters must end the editor and leave no file with the text and the terminal as it was.
@Suite(.serialized) struct RealEditorTests {
  @Test func theReadmesFirstCommandWithEditorUnsetOpensViAndSaves() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let pane = try EditorPane(fixture, editor: nil, ["write", "--to", "Mum"])
    defer { pane.stop() }
    try pane.tmux.waitFor("Subject:")
    let editor = try #require(EditorPane.children(of: try pane.lettersPID()).first)
    #expect(EditorPane.name(of: editor) == "vi")
    try pane.tmux.keys("2G", "A")
    try pane.tmux.press("Tuesday")
    try pane.tmux.keys("Escape", "G", "o")
    try pane.tmux.press("Dear Mum, I wrote this in vi.")
    try pane.tmux.keys("Escape")
    try pane.tmux.type(":wq")
    #expect(try pane.exitStatus() == 0)
    #expect(pane.terminalModesRestored())
    #expect(pane.leftovers().isEmpty)
    let listed = try fixture.run(["list"])
    #expect(listed.stdout.contains("Mum  · Tuesday"), "\(listed.stdout)")
    let id = String(listed.stdout.prefix(8))
    #expect(try fixture.run(["show", id, "--text-only"]).stdout == "Dear Mum, I wrote this in vi.\n")
  }

  @Test func nanoSavesWhatWasTyped() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let pane = try EditorPane(fixture, editor: "nano", ["write", "--to", "Dr. Hale"])
    defer { pane.stop() }
    try pane.tmux.waitFor("^X Exit")
    try pane.tmux.keys("Down", "Down", "Down", "Down")
    try pane.tmux.press("written in nano")
    try pane.tmux.keys("C-o")
    try pane.tmux.waitFor("File Name to Write")
    try pane.tmux.keys("Enter")
    try pane.tmux.waitFor("Wrote")
    try pane.tmux.keys("C-x")
    #expect(try pane.exitStatus() == 0)
    #expect(pane.terminalModesRestored())
    #expect(pane.leftovers().isEmpty)
    let found = try fixture.run(["search", "written in nano"])
    #expect(found.stdout.contains("Dr. Hale"), "\(found.stdout)\(found.stderr)")
  }

  @Test func quittingViWithoutSavingSavesNothingAndSaysSoCalmly() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let before = try fixture.vaultBytes()
    let pane = try EditorPane(fixture, editor: "vim", ["write", "--to", "Mum"])
    defer { pane.stop() }
    try pane.tmux.waitFor("Subject:")
    try pane.tmux.keys("G", "o")
    try pane.tmux.press("words I did not keep")
    try pane.tmux.keys("Escape")
    try pane.tmux.type(":q!")
    #expect(try pane.exitStatus() == 1)
    #expect(try pane.tmux.screen().contains("the letter was empty, so nothing was saved"))
    #expect(try fixture.vaultBytes() == before)
    #expect(pane.leftovers().isEmpty)
  }

  @Test func quittingNanoWithoutSavingSavesNothing() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let before = try fixture.vaultBytes()
    let pane = try EditorPane(fixture, editor: "nano", ["write"])
    defer { pane.stop() }
    try pane.tmux.waitFor("^X Exit")
    try pane.tmux.keys("Down", "Down", "Down", "Down")
    try pane.tmux.press("not this one")
    try pane.tmux.keys("C-x")
    try pane.tmux.waitFor("Save modified buffer?")
    try pane.tmux.press("n")
    #expect(try pane.exitStatus() == 1)
    #expect(try pane.tmux.screen().contains("the letter was empty, so nothing was saved"))
    #expect(try fixture.vaultBytes() == before)
  }

  /// Ctrl-C belongs to the editor: nano shows the cursor position, letters goes on.
  @Test func controlCGoesToTheEditorNotToLetters() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let pane = try EditorPane(fixture, editor: "nano", ["write", "--to", "Mum"])
    defer { pane.stop() }
    try pane.tmux.waitFor("^X Exit")
    let letters = try pane.lettersPID()
    try pane.tmux.keys("Down", "Down", "Down", "Down")
    try pane.tmux.press("still here after Ctrl-C")
    try pane.tmux.keys("C-c")
    try pane.tmux.waitFor("), char ")
    #expect(kill(letters, 0) == 0, "letters is still running")
    try pane.tmux.keys("C-s")
    try pane.tmux.waitFor("Wrote")
    try pane.tmux.keys("C-x")
    #expect(try pane.exitStatus() == 0)
    #expect(try fixture.run(["search", "still here after"]).stdout.contains("Mum"))
  }
}

/// `edit` in vim: the header shows the letter's own fields; leaving without a change saves
/// no revision, so a waiting letter's cooling-off does not start again.
@Suite struct RealEditorEditTests {
  @Test func leavingVimWithoutAChangeSavesNoRevision() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("first words\n", to: "Dr. Hale", subject: "Tuesday")
    let before = try fixture.vaultBytes()
    let pane = try EditorPane(fixture, editor: "vim", ["edit", id])
    defer { pane.stop() }
    let screen = try pane.tmux.waitFor("first words")
    #expect(screen.contains("To: Dr. Hale\nSubject: Tuesday\nTags:"))
    try pane.tmux.type(":q")
    #expect(try pane.exitStatus() == 0)
    #expect(try pane.tmux.screen().contains("nothing changed, so letter \(id.prefix(8)) is as it was"))
    #expect(try fixture.vaultBytes() == before)
  }

  /// A letter to Dr. Hale, "Tuesday", "first words", open in vim for `edit`.
  static func editingInVim(_ fixture: CLIFixture) throws -> (id: String, pane: EditorPane) {
    let id = try fixture.write("first words\n", to: "Dr. Hale", subject: "Tuesday")
    let pane = try EditorPane(fixture, editor: "vim", ["edit", id])
    do { try pane.tmux.waitFor("first words") } catch {
      pane.stop()
      throw error
    }
    return (id, pane)
  }

  @Test func aSubjectChangedInTheHeaderIsSaved() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let (id, pane) = try Self.editingInVim(fixture)
    defer { pane.stop() }
    try pane.tmux.keys("2G", "A")
    try pane.tmux.press(" evening")
    try pane.tmux.keys("Escape")
    try pane.tmux.type(":wq")
    #expect(try pane.exitStatus() == 0)
    let shown = try fixture.run(["show", id])
    #expect(shown.stdout.contains("Tuesday evening"), "\(shown.stdout)")
    #expect(shown.stdout.contains("revision 2"))
    #expect(try fixture.run(["show", id, "--text-only"]).stdout == "first words\n")
  }

  /// Two windows: vim is open on a letter while another window saves it from stdin. Saving in
  /// vim then must not bury the other window's revision: vim's text becomes a draft of its
  /// own, the letter keeps the other text, and both are named (exit 69). Found at a real
  /// terminal on 2026-12-07, when vim's save silently became the next revision.
  @Test func aLetterSavedElsewhereWhileVimIsOpenIsNotBuriedAndVimsTextIsKept() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let (id, pane) = try Self.editingInVim(fixture)
    defer { pane.stop() }
    let elsewhere = try fixture.run(["edit", id], stdin: "changed from another window\n")
    #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
    try pane.tmux.keys("G", "o")
    try pane.tmux.press("written in vim meanwhile")
    try pane.tmux.keys("Escape")
    try pane.tmux.type(":wq")
    #expect(try pane.exitStatus() == 69)
    let screen = try pane.tmux.screen().replacingOccurrences(of: "\n", with: " ")
    #expect(screen.contains("was changed elsewhere while you wrote (it is now at revision 2)"), "\(screen)")
    #expect(screen.contains("kept as a new draft"))
    #expect(try fixture.run(["show", id, "--text-only"]).stdout == "changed from another window\n")
    let found = try fixture.run(["search", "written in vim meanwhile", "--json"])
    #expect(found.stdout.contains("\"subject\" : \"Tuesday\""), "\(found.stdout)")
    #expect(found.stdout.contains("\"state\" : \"draft\""))
    #expect(!found.stdout.contains(String(id.prefix(8))))
    #expect(pane.leftovers().isEmpty)
  }
}

