import Foundation
import Testing

/// What git keeps of a synced vault (SECURITY.md §2.9): no letter, name or passphrase in its
/// objects, config, hooks or logs; commits that say nothing; a history that can be dropped.
@Suite struct SyncPrivacyTests {
  @Test func noCanaryReachesGitsObjectsConfigHooksOrLogs() throws {
    let pair = try SyncedPair()
    defer { pair.remove() }
    let recipient = "canary-r-" + UUID().uuidString
    let subject = "canary-s-" + UUID().uuidString
    let body = "canary-b-" + UUID().uuidString
    let note = "canary-n-" + UUID().uuidString
    let id = try pair.laptop.write("Dear you, \(body)\n", to: recipient, subject: subject)
    try pair.setUp()
    #expect(try pair.run(pair.desktop, ["note", id], stdin: note + "\n").status == 0)
    try pair.sync(pair.desktop)
    try pair.sync(pair.laptop)
    #expect(try pair.run(pair.laptop, ["history", id]).stdout.contains(note))

    let repositories = [pair.folder(pair.laptop) + "/.git", pair.folder(pair.desktop) + "/.git", pair.remote]
    var everything = Data()
    for repository in repositories {
      // Every object, decompressed, whether loose or packed.
      let objects = try pair.git(["--git-dir", repository, "cat-file", "--batch-all-objects", "--batch"])
      #expect(objects.status == 0, "\(objects.stderr)")
      #expect(objects.stdoutData.count > 1000)
      everything.append(objects.stdoutData)
      let log = try pair.git(["--git-dir", repository, "log", "--format=%an <%ae> %cn <%ce> %B", "main"])
      #expect(Set(log.stdout.split(separator: "\n")) == ["letters <letters@localhost> letters <letters@localhost> letters sync"])
    }
    // Positive controls: the searches do see git's objects and config.
    #expect(everything.range(of: Data("only the encrypted vault travels".utf8)) != nil)
    #expect(!ByteSearch.files(containing: Data("[letters]".utf8), under: repositories).isEmpty)
    for canary in [recipient, subject, body, note, CLIFixture.passphrase] {
      let needle = Data(canary.utf8)
      #expect(everything.range(of: needle) == nil, "\(canary) in git's objects")
      // Config, hooks, logs, refs and the raw packs, byte by byte.
      let hits = ByteSearch.files(containing: needle, under: repositories)
      #expect(hits.isEmpty, "\(canary) found in \(hits)")
    }
  }

  /// git runs with a minimal environment: no LETTERS_ variable, nothing of the passphrase
  /// in its environment or arguments (a `git` first on PATH records both, then runs git).
  @Test func gitGetsNoPrivateVariableAndNoSecretInItsArguments() throws {
    let pair = try SyncedPair()
    defer { pair.remove() }
    let bin = pair.root.appendingPathComponent("bin").path
    let records = pair.root.appendingPathComponent("records").path
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: records, withIntermediateDirectories: true)
    let wrapper = bin + "/git"
    try """
      #!/bin/sh
      env > "\(records)/env-$$"
      printf '%s\\n' "$@" > "\(records)/args-$$"
      exec /usr/bin/git "$@"

      """.write(toFile: wrapper, atomically: true, encoding: .utf8)
    chmod(wrapper, 0o755)
    let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    _ = try pair.laptop.write("a letter\n")
    for computer in [pair.laptop, pair.desktop] {
      let result = try computer.run(
        ["sync", "init", pair.remote],
        environment: pair.gitEnvironment.merging([
          "PATH": path, "LETTERS_COPY_PASSPHRASE_FILE": pair.laptop.passphraseFile,
        ]) { $1 })
      #expect(result.status == 0, "\(result.stderr)")
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: records)
    #expect(files.filter { $0.hasPrefix("env-") }.count > 10)
    for file in files {
      let text = try String(contentsOfFile: records + "/" + file, encoding: .utf8)
      #expect(!text.contains("LETTERS_"), "\(file): \(text)")
      #expect(!text.contains(CLIFixture.passphrase), "\(file)")
      #expect(!text.contains("XDG_RUNTIME_DIR"), "\(file)")
      // ssh never stops to ask on a terminal it does not hold (README "Two computers").
      if file.hasPrefix("env-") { #expect(text.contains("GIT_SSH_COMMAND=ssh -o BatchMode=yes"), "\(file)") }
    }
  }

  /// `--forget-history` leaves one commit on the remote and here; the other computer drops
  /// its old copies on its next sync; a non-interactive burn names the command.
  @Test func forgetHistoryLeavesOneCommitAndBurnOffersIt() throws {
    let pair = try SyncedPair()
    defer { pair.remove() }
    let doomed = try pair.laptop.write("to be burned\n")
    try pair.setUp()
    _ = try pair.laptop.write("another\n")
    try pair.sync(pair.laptop)
    try pair.sync(pair.desktop)
    #expect(try pair.remoteCommits() >= 2)

    let burned = try pair.run(pair.laptop, ["burn", doomed, "--confirm-id", doomed])
    #expect(burned.status == 0, "\(burned.stderr)")
    #expect(burned.stderr.contains("letters sync --forget-history"))
    let forgot = try pair.run(pair.laptop, ["sync", "--forget-history"])
    #expect(forgot.status == 0, "\(forgot.stderr)")
    #expect(try pair.remoteCommits() == 1)
    // The remote keeps one commit: one tree and three blobs.
    let objects = try pair.git(["--git-dir", pair.remote, "cat-file", "--batch-all-objects", "--batch-check"])
    #expect(objects.stdout.split(separator: "\n").count == 5, "\(objects.stdout)")

    let followed = try pair.run(pair.desktop, ["sync"])
    #expect(followed.status == 0, "\(followed.stderr)")
    #expect(followed.stderr.contains("history was cleared"))
    #expect(try pair.run(pair.desktop, ["show", doomed]).status == 66)
    try pair.sync(pair.laptop)
    let listed = try pair.list(pair.laptop)
    #expect(listed == (try pair.list(pair.desktop)))
    // The desktop keeps no commit from before the rewrite.
    let desktopGit = pair.folder(pair.desktop) + "/.git"
    let count = try pair.git(["--git-dir", desktopGit, "rev-list", "--all", "--count"])
    #expect(Int(count.stdout.trimmed) ?? 0 <= 2, "\(count.stdout)")
  }
}
