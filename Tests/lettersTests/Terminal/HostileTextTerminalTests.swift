import Foundation
import Testing

/// Nothing in a letter can drive the terminal (README "At the terminal", docs/SECURITY.md
/// §2.8): a recipient, subject, tag, note and text holding a title sequence, a clear-screen
/// and a lone CR are shown as visible `\x1b` text in a real terminal (tmux), while pipes get
/// the bytes unchanged and `--json` escapes them.
@Suite struct HostileTextTerminalTests {
  static let recipient = "Dr\u{1B}]0;PWNED-TO\u{07}"
  static let subject = "Sub\u{1B}]2;PWNED\u{07}\u{1B}[2J\u{1B}[H|lone\rCR|\u{9B}c1"
  static let tag = "tag\u{1B}]2;PWNED-TAG\u{07}"
  static let note = "calm\u{1B}]2;PWNED-NOTE\u{07}\u{1B}[2J\u{1B}[H"
  static let body = "Dear\u{1B}]2;PWNED-BODY\u{07}\u{1B}[2J\u{1B}[H\nover\rXX\r\nend\n"

  // What a person sees instead.
  static let shownRecipient = #"Dr\x1b]0;PWNED-TO\x07"#
  static let shownSubject = #"Sub\x1b]2;PWNED\x07\x1b[2J\x1b[H|lone\x0dCR|\u{9b}c1"#
  static let shownTag = #"tag\x1b]2;PWNED-TAG\x07"#
  static let shownNote = #"calm\x1b]2;PWNED-NOTE\x07\x1b[2J\x1b[H"#
  static let shownBody = #"Dear\x1b]2;PWNED-BODY\x07\x1b[2J\x1b[H"# + "\n" + #"over\x0dXX"# + "\nend"

  /// A vault with one such letter (and its note), written through the pipe as a script would.
  static func hostileVault() throws -> (fixture: CLIFixture, id: String) {
    let fixture = try CLIFixture()
    let written = try fixture.run(
      ["write", "--to", recipient, "--subject", subject, "--tag", tag], stdin: body)
    #expect(written.status == 0, "write: \(written.stderr)")
    let id = written.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(try fixture.run(["note", id, note]).status == 0)
    return (fixture, id)
  }

  struct Terminal {
    let screen: String
    let title: String
    let stillShowsEarlierLine: Bool
  }

  /// Runs `letters arguments` in a fresh tmux pane whose title and first line were set just
  /// before; `keys` are typed once `waitFor` shows (q for the pager). Title and screen are
  /// read then and after the command has ended.
  static func onTerminal(
    _ arguments: String, _ fixture: CLIFixture, waitFor: String? = nil, keys: [String] = []
  ) throws -> Terminal {
    let tmux = TmuxPane()
    defer { tmux.stop() }
    let environment = fixture.environment.map { "\($0.key)='\($0.value)'" }.sorted()
      .joined(separator: " ")
    try tmux.start(
      "printf '\\033]2;calm title\\007earlier line\\n'; env \(environment) '\(CLI.binary.path)' \(arguments); echo \"command exited $?\"; sleep 60"
    )
    // The pager's screen, read while it is up (it is gone once q is pressed).
    var during = ""
    var titleDuring = "calm title"
    if let waitFor {
      during = try tmux.waitFor(waitFor)
      titleDuring = try tmux.title()
      for key in keys { try tmux.type(key) }
    }
    let screen = try tmux.waitFor("command exited")
    let title = try tmux.title()
    return Terminal(
      screen: during + screen, title: titleDuring == "calm title" ? title : titleDuring,
      stillShowsEarlierLine: try tmux.visibleScreen().contains("earlier line"))
  }

  static func expectCalm(_ terminal: Terminal, _ command: String, shows expected: [String]) {
    #expect(terminal.title == "calm title", "\(command) changed the title")
    #expect(terminal.stillShowsEarlierLine, "\(command) cleared the screen:\n\(terminal.screen)")
    #expect(!terminal.screen.contains("XXer"), "\(command): a CR overwrote the line")
    for text in expected {
      #expect(terminal.screen.contains(text), "\(command) did not show \(text):\n\(terminal.screen)")
    }
  }

  @Test func listSearchShowHistoryAndReviewShowTheSequencesAsText() throws {
    let (fixture, id) = try Self.hostileVault()
    defer { fixture.remove() }
    let short = String(id.prefix(8))

    for command in ["list", "search Dear"] {
      Self.expectCalm(
        try Self.onTerminal(command, fixture), command,
        shows: [Self.shownRecipient + "  · " + Self.shownSubject, "command exited 0"])
    }
    Self.expectCalm(
      try Self.onTerminal("show \(short)", fixture, waitFor: "Fingerprint:", keys: ["q"]), "show",
      shows: [
        "To: " + Self.shownRecipient, "Subject: " + Self.shownSubject, "Tags: " + Self.shownTag,
        Self.shownBody, "command exited 0",
      ])
    Self.expectCalm(
      try Self.onTerminal("show \(short) --text-only", fixture), "show --text-only",
      shows: [Self.shownBody, "command exited 0"])
    Self.expectCalm(
      try Self.onTerminal("history \(short)", fixture), "history",
      shows: [Self.shownNote, "command exited 0"])
    Self.expectCalm(
      try Self.onTerminal("export \(short) --format txt", fixture), "export",
      shows: [Self.shownSubject, Self.shownBody, "command exited 0"])

    // review speaks on /dev/tty and quotes the recipient and subject.
    #expect(try fixture.run(["hold", id]).status == 0)
    Self.expectCalm(
      try Self.onTerminal("review", fixture, waitFor: "[q]uit: ", keys: ["q"]), "review",
      shows: ["\(short) to \(Self.shownRecipient) · \(Self.shownSubject)", "command exited 0"])

    // An error on stderr quoting what was typed.
    Self.expectCalm(
      try Self.onTerminal(#"show "$(printf 'zz\033]2;PWNED\007')""#, fixture), "an error",
      shows: [#"zz\x1b]2;PWNED\x07"#, "command exited 66"])
  }

  @Test func pipesGetTheBytesAsTheyAreAndJSONEscapesThem() throws {
    let (fixture, id) = try Self.hostileVault()
    defer { fixture.remove() }

    let list = try fixture.run(["list"])
    #expect(list.stdout.contains("\(Self.recipient)  · \(Self.subject)"))
    #expect(try fixture.run(["search", "Dear"]).stdout == list.stdout)
    let show = try fixture.run(["show", id]).stdout
    for text in ["To: " + Self.recipient, "Subject: " + Self.subject, "Tags: " + Self.tag, Self.body] {
      #expect(show.contains(text), "show: \(text.debugDescription) in \(show.debugDescription)")
    }
    #expect(try fixture.run(["show", id, "--text-only"]).stdout == Self.body)
    #expect(try fixture.run(["history", id]).stdout.contains(Self.note))
    let exported = try fixture.run(["export", id, "--format", "txt"]).stdout
    #expect(exported.contains(Self.subject) && exported.contains(Self.body))
    let error = try fixture.run(["show", "zz\u{1B}]2;PWNED\u{07}"])
    #expect(error.status != 0 && error.stderr.contains("zz\u{1B}]2;PWNED\u{07}"))

    let shown = try fixture.run(["show", id, "--json"])
    let listed = try fixture.run(["list", "--json"])
    let history = try fixture.run(["history", id, "--json"])
    for json in [shown, listed, history] {
      #expect(json.status == 0)
      let controls = json.stdout.unicodeScalars.filter {
        ($0.value < 0x20 && $0.value != 0x0A) || (0x7F...0x9F).contains($0.value)
      }
      #expect(controls.isEmpty, "a control character left in \(json.stdout.debugDescription)")
      #expect(json.stdout.contains(#"\u001b]2;PWNED"#) || json.stdout.contains(#"\u001b]2;PWNED-NOTE"#))
    }
    #expect(shown.stdout.contains(#"\u009bc1"#))
    let letter = try #require(try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any])
    #expect(letter["to"] as? String == Self.recipient)
    #expect(letter["subject"] as? String == Self.subject)
    #expect(letter["tags"] as? [String] == [Self.tag])
    #expect(letter["body"] as? String == Self.body)
    let rows = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
    #expect(rows.first?["subject"] as? String == Self.subject)
    let events = try #require(try JSONSerialization.jsonObject(with: history.stdoutData) as? [String: Any])
    let notes = try #require(events["notes"] as? [[String: Any]])
    #expect(notes.first?["text"] as? String == Self.note)
  }
}
