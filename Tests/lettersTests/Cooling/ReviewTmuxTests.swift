import Foundation
import Testing

/// `letters review` in a real terminal (tmux): a send refused while cooling, keep, note,
/// back to draft, quit — then the vault is checked with `letters show` and `history`.
/// Every command runs on a faked clock (``FakeTime``), so quiet hours and "tomorrow" do not
/// depend on when the test runs.
@Suite struct ReviewTmuxTests {
  @Test func reviewWalksThroughHeldLettersInOrder() throws {
    let faked = try FakeTime.fixture()
    defer { faked.remove() }
    let morning = "2027-01-12 09:00:00"
    let cooling = try faked.vaultWithLetter(at: morning)
    // Held letters without a send request come oldest first: half a minute apart, so the
    // order does not depend on how fast each process started under the faked clock.
    func write(_ subject: String, at time: String) throws -> String {
      try faked.run(
        ["write", "--to", "Dr. Hale", "--subject", subject], at: time, stdin: "Dear …\n"
      )
      .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let held = try write("just held", at: morning)
    let later = "2027-01-12 09:00:30"
    let last = try write("also held", at: later)
    #expect(try faked.run(["send", cooling], at: later).status == 0)
    #expect(try faked.run(["hold", held], at: later).status == 0)
    #expect(try faked.run(["hold", last], at: later).status == 0)

    let tmux = TmuxPane()
    defer { tmux.stop() }
    let environment = faked.fixture.environment.merging(["TZ": "UTC"]) { $1 }
      .map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
    try tmux.start(
      "env \(environment) '\(CLI.binary.path)' review; echo \"review exited $?\"; sleep 60"
    )

    // The one asked to send comes first; sending is refused calmly while it cools off.
    var screen = try tmux.waitFor("[q]uit: ")
    #expect(screen.contains("3 held letters, 0 ready to look at now."))
    #expect(screen.contains("[1/3] \(cooling.prefix(8)) to Dr. Hale\n"))
    // Review runs on the real clock (faketime is refused by the brake, issue 14).
    #expect(screen.contains("asked to send; it can go from "))
    try tmux.type("s")
    screen = try tmux.waitFor("It will still be here.")
    #expect(
      screen.contains("This letter is cooling off until "))
    try tmux.waitFor("[q]uit: ", count: 2)
    try tmux.type("k")
    try tmux.waitFor("Look at it again on")
    // A day already gone is refused gently and asked again.
    try tmux.type("yesterday")
    screen = try tmux.waitFor("choose a time still to come, such as tonight, tomorrow or friday.")
    #expect(screen.contains("“yesterday” has already passed;"))
    try tmux.waitFor("Look at it again on", count: 2)
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

    #expect(
      try faked.run(["show", cooling, "--json"], at: "2027-01-12 10:05:00").stdout.contains(
        "\"state\" : \"held\""))
    #expect(
      try faked.run(["show", held, "--json"], at: "2027-01-12 10:05:00").stdout.contains(
        "\"state\" : \"draft\""))
    #expect(
      try faked.run(["show", last, "--json"], at: "2027-01-12 10:05:00").stdout.contains(
        "\"state\" : \"held\""))
    let history = try faked.run(["history", held], at: "2027-01-12 10:05:00")
    #expect(history.stdout.contains("back to draft"))
    #expect(history.stdout.contains("Calmer now."))
  }
}
