import Foundation
import Testing

/// No plaintext reaches the disk (SECURITY.md §2 T36): a random canary is written, edited,
/// shown, listed and searched, then every file that could hold it is searched byte by byte.
@Suite struct CanaryTests {
  @Test func aCanaryNeverTouchesTheDiskOrTheScratchPlaces() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    // Built in memory only: the test never writes either canary to a file of its own.
    let written = "canary-w-" + UUID().uuidString + UUID().uuidString
    let appended = "canary-e-" + UUID().uuidString + UUID().uuidString
    let subject = "canary-s-" + UUID().uuidString

    let id = try fixture.write("Dear Dr. Hale, \(written)\n", subject: subject)
    let editor = try FakeEditor(in: fixture.directory, action: .appendFromEnvironment)
    let terminal = try PseudoTerminal(
      ["edit", id],
      environment: fixture.environment.merging([
        "EDITOR": editor.script.path, "VISUAL": "", "LETTERS_TEST_APPEND": appended,
      ]) { $1 },
      scratch: fixture.directory)
    #expect(terminal.wait() == 0)
    try? FileManager.default.removeItem(at: terminal.output)

    let shown = try fixture.run(["show", id, "--text-only"])
    #expect(shown.stdout.contains(written) && shown.stdout.contains(appended))
    let listed = try fixture.run(["list", "--json"])
    #expect(listed.stdout.contains(subject))
    let searched = try fixture.run(["search", written])
    #expect(searched.stdout.contains(String(id.prefix(8))))
    #expect(try fixture.run(["search", appended]).stdout.contains(String(id.prefix(8))))

    #expect(FileManager.default.fileExists(atPath: fixture.vault))
    let places = [
      fixture.vault, fixture.vault + "-journal", fixture.directory.path, "/tmp", "/dev/shm",
      fixture.runtimeDirectory, NSTemporaryDirectory(),
    ]
    for canary in [written, appended, subject] {
      let hits = ByteSearch.files(containing: Data(canary.utf8), under: places)
        + [fixture.vault, fixture.vault + "-journal"].filter {
          FileManager.default.contents(atPath: $0)?.range(of: Data(canary.utf8)) != nil
        }
      #expect(hits.isEmpty, "plaintext found in \(hits)")
    }
  }
}
