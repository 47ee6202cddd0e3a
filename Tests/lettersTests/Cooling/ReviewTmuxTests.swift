import Foundation
import Testing

/// `letters review` in a real terminal (tmux): a send refused while cooling, keep, note,
/// back to draft, quit — then the vault is checked with `letters show` and `history`.
@Suite struct ReviewTmuxTests {
  @Test func reviewWalksThroughHeldLettersInOrder() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let cooling = try fixture.write("First letter", subject: "asked to send")
    let held = try fixture.write("Second letter", subject: "just held")
    let last = try fixture.write("Third letter", subject: "also held")
    #expect(try fixture.run(["send", cooling]).status == 0)
    #expect(try fixture.run(["hold", held]).status == 0)
    #expect(try fixture.run(["hold", last]).status == 0)

    let tmux = Tmux()
    defer { tmux.stop() }
    let environment = fixture.environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
    try tmux.start("env \(environment) '\(CLI.binary.path)' review; echo \"review exited $?\"; sleep 60")

    // The one asked to send comes first; sending is refused calmly while it cools off.
    var screen = try tmux.waitFor("[q]uit: ")
    #expect(screen.contains("3 held letters, 0 ready to look at now."))
    #expect(screen.contains("[1/3] \(cooling.prefix(8)) to Dr. Hale · asked to send"))
    #expect(screen.contains("asked to send; it can go from tomorrow"))
    try tmux.type("s")
    screen = try tmux.waitFor("It will still be here.")
    #expect(screen.contains("This letter is cooling off until tomorrow"))
    try tmux.waitFor("[q]uit: ", count: 2)
    try tmux.type("k")
    try tmux.waitFor("Look at it again on")
    try tmux.type("")
    screen = try tmux.waitFor("[2/3]")
    #expect(screen.contains("Kept. It is still held."))
    #expect(screen.contains("\(held.prefix(8)) to Dr. Hale · just held"))

    // A note on how it feels now, then back to draft.
    try tmux.waitFor("[q]uit: ", count: 3)
    try tmux.type("n")
    try tmux.waitFor("How does it feel now?")
    try tmux.type("Calmer now.")
    try tmux.waitFor("> ", count: 2)
    try tmux.type("")
    try tmux.waitFor("Note added.")
    try tmux.waitFor("[q]uit: ", count: 4)
    try tmux.type("d")
    screen = try tmux.waitFor("[3/3]")
    #expect(screen.contains("Letter \(held.prefix(8)) is a draft again; nothing will be sent."))
    try tmux.waitFor("[q]uit: ", count: 5)
    try tmux.type("q")
    try tmux.waitFor("review exited 0")

    #expect(try fixture.run(["show", cooling, "--json"]).stdout.contains("\"state\" : \"held\""))
    #expect(try fixture.run(["show", held, "--json"]).stdout.contains("\"state\" : \"draft\""))
    #expect(try fixture.run(["show", last, "--json"]).stdout.contains("\"state\" : \"held\""))
    let history = try fixture.run(["history", held])
    #expect(history.stdout.contains("back to draft"))
    #expect(history.stdout.contains("Calmer now."))
  }
}
