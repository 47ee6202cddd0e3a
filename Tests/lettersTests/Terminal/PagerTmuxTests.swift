import Foundation
import Testing

/// Long output at a real terminal (tmux, 80×10): taller than the screen goes through the pager
/// (`$LETTERS_PAGER`, else `$PAGER`, else `less -FRX`), `--no-pager` and a fitting screen do
/// not page, and a letter shown by `show` stays off the scrollback unless `--no-pager`
/// (README.md "At the terminal", docs/SECURITY.md §4).
@Suite struct PagerTmuxTests {
  /// `env -u` for the variables of the person running the tests, then the fixture's, then
  /// `extra`: the shell words that start letters in the pane.
  static func letters(_ fixture: CLIFixture, _ arguments: String, extra: [String: String] = [:]) -> String {
    let environment = fixture.environment.merging(extra) { $1 }
      .map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
    return "env -u PAGER -u LETTERS_PAGER -u LESS \(environment) '\(CLI.binary.path)' \(arguments)"
  }

  @Test func aListTallerThanTheScreenWaitsInLessUntilQ() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    try fixture.importNumbered(30)
    let tmux = TmuxPane()
    defer { tmux.stop() }
    try tmux.start(
      "\(Self.letters(fixture, "list")); echo \"list exited $?\"; sleep 60", columns: 80, rows: 10)
    // The first screenful, newest first, and less's prompt on the last line.
    var screen = try tmux.waitFor("letter 22")
    #expect(screen.contains("letter 30"))
    #expect(!screen.contains("letter 21"))
    #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).contains(":"))
    Thread.sleep(forTimeInterval: 0.5)
    #expect(!(try tmux.screen()).contains("list exited"), "less waits for a key")
    try tmux.press("q")
    screen = try tmux.waitFor("list exited 0")
    #expect(!screen.contains("letter 01"), "only what was shown before q")
  }

  @Test func noPagerPrintsEverythingAndAShortListIsNotPaged() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    try fixture.importNumbered(30)
    let pager = try PagerRecorder(in: fixture.directory)
    let tmux = TmuxPane()
    defer { tmux.stop() }
    let recorded = ["LETTERS_PAGER": pager.command]
    try tmux.start(
      "\(Self.letters(fixture, "list --no-pager", extra: recorded)); echo \"first exited $?\"; "
        + "\(Self.letters(fixture, "list -n 9", extra: recorded)); echo \"second exited $?\"; "
        + "\(Self.letters(fixture, "list -n 5")); echo \"third exited $?\"; sleep 60",
      columns: 80, rows: 10)
    let screen = try tmux.waitFor("third exited 0", seconds: 60)
    #expect(screen.contains("first exited 0"))
    #expect(screen.contains("letter 01"), "--no-pager printed every line")
    #expect(screen.contains("second exited 0"))
    // Nine lines and the shell's next line fill the 10 rows: no pager, not even less -F.
    #expect(!pager.wasCalled)
  }

  @Test func lettersPagerThenPagerAreHonouredAndEmptyOrCatMeansNone() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    try fixture.importNumbered(30)
    let general = try PagerRecorder(in: fixture.directory, name: "general")
    let own = try PagerRecorder(in: fixture.directory, name: "own")
    let tmux = TmuxPane()
    defer { tmux.stop() }
    let runs = [
      ("search", "search Dear", ["PAGER": general.command]),
      ("both", "list", ["PAGER": general.command, "LETTERS_PAGER": own.command]),
      ("empty", "list", ["PAGER": general.command, "LETTERS_PAGER": ""]),
      ("cat", "list", ["PAGER": "cat"]),
    ]
    let command = runs.map { name, arguments, extra in
      "\(Self.letters(fixture, arguments, extra: extra)); echo \"\(name) exited $?\""
    }
    try tmux.start(command.joined(separator: "; ") + "; sleep 60", columns: 80, rows: 10)
    let screen = try tmux.waitFor("cat exited 0", seconds: 60)
    #expect(screen.contains("general was here"))
    #expect(screen.contains("own was here"))
    // The general pager ran once (search), letters' own once (list); "" and cat printed.
    let expected = "args=--from-test lines=30 LESSHISTFILE=- LESSSECURE=1 passphrase=none"
    #expect(general.calls() == [expected])
    #expect(own.calls() == [expected])
    #expect(screen.components(separatedBy: "letter 01").count - 1 == 2, "printed by the empty and cat runs")
  }

  /// Rows, not lines: four list lines that wrap to three rows each do not fit on ten rows.
  /// History with many notes pages too; a short status does not; `--no-pager` never.
  @Test func wrappedLinesCountAndHistoryAndStatusPageLikeList() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let long = String(repeating: "a long subject ", count: 10)
    var ids: [String] = []
    for _ in 0..<4 { ids.append(try fixture.write("text\n", subject: long)) }
    for number in 1...9 { #expect(try fixture.run(["note", ids[0], "note \(number)"]).status == 0) }
    let pager = try PagerRecorder(in: fixture.directory)
    let tmux = TmuxPane()
    defer { tmux.stop() }
    let recorded = ["LETTERS_PAGER": pager.command]
    let runs = [
      ("wrapped", "list"), ("status", "status"), ("history", "history \(ids[0])"),
      ("plain", "history \(ids[0]) --no-pager"), ("plainstatus", "status --no-pager"),
    ]
    let command = runs.map { name, arguments in
      "\(Self.letters(fixture, arguments, extra: recorded)); echo \"\(name) exited $?\""
    }
    try tmux.start(command.joined(separator: "; ") + "; sleep 60", columns: 80, rows: 10)
    let screen = try tmux.waitFor("plainstatus exited 0", seconds: 60)
    #expect(screen.components(separatedBy: "pager was here").count - 1 == 2)
    let calls = pager.calls()
    #expect(calls.count == 2)
    #expect(calls.first?.contains("lines=4 ") == true, "the four wrapped list lines")
    let history = try fixture.run(["history", ids[0]]).stdout.filter { $0 == "\n" }.count
    #expect(history > 20)
    #expect(calls.last?.contains("lines=\(history) ") == true, "all of history, its notes too")
    #expect(screen.contains("Note, "), "history --no-pager printed the notes")
  }

  @Test func showKeepsTheLetterOffTheScrollbackUnlessNoPager() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("A short letter, private.\n")
    let tmux = TmuxPane()
    defer { tmux.stop() }
    // The person's own LESS asks for no alternate screen and to quit on a short text: the
    // letter's pager does not take those.
    try tmux.start(
      "\(Self.letters(fixture, "show \(id)", extra: ["LESS": "FX"])); echo \"show exited $?\"; sleep 60",
      columns: 80, rows: 10)
    try tmux.waitFor("A short letter, private.")
    Thread.sleep(forTimeInterval: 0.5)
    #expect(!(try tmux.screen()).contains("show exited"), "less waits for q")
    try tmux.press("q")
    let screen = try tmux.waitFor("show exited 0")
    #expect(!screen.contains("A short letter, private."), "the alternate screen is gone")

    let plain = TmuxPane()
    defer { plain.stop() }
    try plain.start(
      "\(Self.letters(fixture, "show \(id) --no-pager")); echo \"show exited $?\"; sleep 60",
      columns: 80, rows: 10)
    let printed = try plain.waitFor("show exited 0")
    #expect(printed.contains("A short letter, private."))
  }
}
