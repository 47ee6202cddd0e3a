import Foundation
import Testing

/// A field typed in the editor's header that the vault refuses never costs the letter.
@Suite struct HeaderRefusedTests {
  @Test func aTagTooLongKeepsTheHeaderAsTextAndSavesTheLetter() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let script = fixture.directory.appendingPathComponent("long-tag-editor.sh").path
    let tag = String(repeating: "x", count: 200)
    try """
      #!/bin/sh
      for a in "$@"; do file="$a"; done
      printf 'To: Mum\\nSubject: s\\nTags: \(tag)\\n\\nwords I must not lose\\n' > "$file"

      """.write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o700)
    let terminal = try PseudoTerminal(
      ["write"], environment: fixture.environment.merging(["EDITOR": script, "VISUAL": ""]) { $1 },
      scratch: fixture.directory)
    #expect(terminal.wait() == 0, "\(terminal.transcript)")
    #expect(terminal.transcript.contains("so the header was kept as part of the text"))
    let found = try fixture.run(["search", "words I must not lose", "--json"])
    let letters = try #require(try JSONSerialization.jsonObject(with: found.stdoutData) as? [[String: Any]])
    let id = try #require(letters.first?["id"] as? String)
    let text = try fixture.run(["show", id, "--text-only"]).stdout
    #expect(text == "To: Mum\nSubject: s\nTags: \(tag)\n\nwords I must not lose\n")
  }
}
