import Foundation
import Testing

/// A `LETTERS_PASSPHRASE_COMMAND` that asks on the terminal itself runs in the terminal's
/// foreground, like the editor (it was stopped by the kernel when started in a group of its own).
@Suite struct PassphraseCommandTerminalTests {
  @Test func aCommandThatReadsTheTerminalGetsTheKeys() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    _ = try fixture.write("a letter\n", to: "Mum")
    let tmux = TmuxPane()
    defer { tmux.stop() }
    var environment = fixture.environment
    environment["LETTERS_PASSPHRASE_FILE"] = nil
    environment["LETTERS_PASSPHRASE_COMMAND"] =
      "printf 'say it: ' >/dev/tty; IFS= read -r p </dev/tty; printf '%s\\n' \"$p\""
    let exports = environment.map { "\($0.key)=\(PseudoTerminal.quote($0.value))" }.sorted().joined(separator: " ")
    try tmux.start(
      "env -u LETTERS_PASSPHRASE_FILE \(exports) \(PseudoTerminal.quote(CLI.binary.path)) list; echo \"[exit $?]\"; sleep 600")
    try tmux.waitFor("say it: ")
    try tmux.type(CLIFixture.passphrase)
    let screen = try tmux.waitFor("[exit ")
    #expect(screen.contains("[exit 0]"), "\(screen)")
    #expect(screen.contains("Mum"))
  }
}
