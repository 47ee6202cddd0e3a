import Foundation
import Testing

/// Shell completions come from the binary; the man page from swift-argument-parser's
/// GenerateManual plugin, built by `make man` (scripts/test runs it before the tests).
@Suite struct ManualAndCompletionTests {
  static let subcommands = [
    "init", "write", "edit", "show", "list", "search", "hold", "note", "history", "passwd",
    "verify", "status", "path", "jot", "recovery", "unlock", "lock", "burn", "backup", "merge", "export", "import", "delivery",
  ]

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScriptsNameEverySubcommand(shell: String) throws {
    let result = try CLI.run(["--generate-completion-script", shell])
    #expect(result.status == 0)
    #expect(result.stdout.count > 500)
    for name in Self.subcommands {
      #expect(result.stdout.contains(name), "\(shell) completion lacks \(name)")
    }
    #expect(result.stdout.contains("vault"))
  }

  @Test func bashCompletionScriptIsValidBash() throws {
    let result = try CLI.run(["--generate-completion-script", "bash"])
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("letters-\(UUID()).bash")
    try result.stdoutData.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/bin/bash")
    check.arguments = ["-n", file.path]
    try check.run()
    check.waitUntilExit()
    #expect(check.terminationStatus == 0)
  }

  /// Typed words (the last is the one being completed) and what bash then offers, in a
  /// folder holding `notes.md` and `old.mbox`: file names for paths, the accepted values
  /// for `--format`, `--state` and `--kdf`.
  @Test(arguments: [
    (["import", ""], ["notes.md", "old.mbox"]),
    (["import", "notes.md", "o"], ["old.mbox"]),
    (["backup", ""], ["notes.md", "old.mbox"]),
    (["merge", "n"], ["notes.md"]),
    (["export", "--output", ""], ["notes.md", "old.mbox"]),
    (["list", "--vault", "o"], ["old.mbox"]),
    (["export", "--format", ""], ["txt", "md", "html", "json", "eml"]),
    (["export", "--state", "h"], ["held"]),
    (["list", "--state", ""], ["draft", "held", "sent"]),
    (["init", "--kdf", ""], ["interactive", "moderate", "sensitive"]),
    (["passwd", "--kdf", "s"], ["sensitive"]),
  ])
  func bashCompletesPathsAndValues(words: [String], expected: [String]) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("letters-complete-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = folder.appendingPathComponent("files")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    for name in ["notes.md", "old.mbox"] {
      FileManager.default.createFile(atPath: files.appendingPathComponent(name).path, contents: Data())
    }
    let script = folder.appendingPathComponent("letters.bash")
    try CLI.run(["--generate-completion-script", "bash"]).stdoutData.write(to: script)
    // What bash does on Tab: the words so far, then the function `complete -F` names.
    let harness = """
      source "$1"; shift
      COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
      _letters letters "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let bash = Process()
    bash.executableURL = URL(fileURLWithPath: "/bin/bash")
    bash.arguments = ["--norc", "--noprofile", "-c", harness, "bash", script.path, "letters"] + words
    bash.currentDirectoryURL = files
    bash.environment = ["PATH": "/usr/bin:/bin", "LETTERS_VAULT": folder.appendingPathComponent("none.db").path]
    let out = Pipe()
    bash.standardOutput = out
    try bash.run()
    let offered = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    bash.waitUntilExit()
    #expect(offered.split(separator: "\n").map(String.init).sorted() == expected.sorted(), "letters \(words)")
  }

  /// zsh and fish get the same: `_files` / `-F` for paths, the value lists for options.
  @Test func zshAndFishCompletePathsAndValues() throws {
    let zsh = try CLI.run(["--generate-completion-script", "zsh"]).stdout
    for part in [
      "'*:paths:_files'", "':destination:_files'", "':path:_files'", "]:output:_files'",
      "vault.db).]:path:_files'", "___format=('txt' 'md' 'html' 'json' 'eml')",
      "___state=('draft' 'held' 'sent')", "___kdf=('interactive' 'moderate' 'sensitive')",
    ] {
      #expect(zsh.contains(part), "zsh completion lacks \(part)")
    }
    let fish = try CLI.run(["--generate-completion-script", "fish"]).stdout
    for part in [
      "\"letters import\" -ge 1' -F", "\"letters backup\" -eq 1' -F", "\"letters merge\" -eq 1' -F",
      "-l 'output' -d 'Write to this file instead of stdout.' -rF", "vault.db).' -rF",
      "-rfka 'txt md html json eml'", "-rfka 'draft held sent'", "-rfka 'interactive moderate sensitive'",
    ] {
      #expect(fish.contains(part), "fish completion lacks \(part)")
    }
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test func manPageRendersWithoutWarningsAndListsTheCommands() throws {
    let (rendered, warnings, status) = try Self.renderedManual()
    #expect(status == 0)
    #expect(warnings.isEmpty, "man warnings: \(warnings)")
    #expect(rendered.contains("letters"))
    for name in Self.subcommands {
      #expect(rendered.contains(name), "man page lacks \(name)")
    }
  }

  /// Every `LETTERS_…` variable the sources read, and the others letters looks at, are in
  /// ENVIRONMENT; every code of the README's "Exit codes" table is in EXIT STATUS.
  @Test func manPageHasEnvironmentAndExitStatus() throws {
    let rendered = try Self.renderedManual().rendered
    let environment = try #require(Self.section("ENVIRONMENT", of: rendered))
    let exitStatus = try #require(Self.section("EXIT STATUS", of: rendered))
    var variables = Set(["EDITOR", "VISUAL", "PAGER", "LETTERS_PAGER", "NO_COLOR", "XDG_RUNTIME_DIR", "XDG_DATA_HOME"])
    let sources = FileManager.default.enumerator(atPath: Self.root.appendingPathComponent("Sources/letters").path)!
    let pattern = try Regex(#""(LETTERS_[A-Z_]+)""#)
    while let file = sources.nextObject() as? String {
      guard file.hasSuffix(".swift") else { continue }
      let text = try String(contentsOf: Self.root.appendingPathComponent("Sources/letters/\(file)"), encoding: .utf8)
      for match in text.matches(of: pattern) { variables.insert(String(text[match.range].dropFirst().dropLast())) }
    }
    #expect(variables.count >= 12, "\(variables)")
    for variable in variables {
      #expect(environment.contains(variable), "ENVIRONMENT lacks \(variable)")
    }
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let table = try #require(Self.section("## Exit codes", of: readme, ending: "\n## "))
    let codes = table.matches(of: try Regex(#"\n\| (\d+) \|"#)).map { String(table[$0.range].dropFirst(3).dropLast(2)) }
    #expect(codes.count >= 10, "\(codes)")
    for code in codes {
      #expect(exitStatus.contains("\n     \(code) "), "EXIT STATUS lacks \(code)")
    }
    #expect(!exitStatus.contains("0 on success"), "the generic EXIT STATUS is still there")
  }

  /// The text from a heading to the next heading (a line starting with a capital in man's
  /// rendering; `ending` for Markdown).
  static func section(_ heading: String, of text: String, ending: String? = nil) -> String? {
    guard let start = text.range(of: "\n\(heading)\n") else { return nil }
    let rest = text[start.upperBound...]
    let end = ending.flatMap { rest.range(of: $0)?.lowerBound }
      ?? rest.firstRange(of: try! Regex(#"\n[A-Z]"#))?.lowerBound ?? rest.endIndex
    return "\n" + String(rest[..<end])
  }

  static func renderedManual() throws -> (rendered: String, warnings: String, status: Int32) {
    let page = root.appendingPathComponent(".build/man/letters.1").path
    #expect(FileManager.default.fileExists(atPath: page), "run `make man` first (scripts/test does)")
    let man = Process()
    man.executableURL = URL(fileURLWithPath: "/usr/bin/man")
    man.arguments = ["--warnings", "-l", page]
    man.environment = ["LC_ALL": "C.UTF-8", "MANWIDTH": "80", "PATH": "/usr/bin:/bin", "MANPAGER": "cat"]
    let out = Pipe()
    let err = Pipe()
    man.standardOutput = out
    man.standardError = err
    try man.run()
    let rendered = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    man.waitUntilExit()
    return (rendered, warnings, man.terminationStatus)
  }
}
