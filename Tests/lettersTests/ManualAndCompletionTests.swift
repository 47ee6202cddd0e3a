import Foundation
import Testing

/// Shell completions come from the binary; the man page from swift-argument-parser's
/// GenerateManual plugin, built by `make man` (scripts/test runs it before the tests).
@Suite struct ManualAndCompletionTests {
  static let subcommands = [
    "init", "write", "edit", "show", "list", "search", "hold", "note", "history", "passwd",
    "verify", "status", "path", "jot", "recovery", "unlock", "lock", "burn", "backup",
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

  @Test func manPageRendersWithoutWarningsAndListsTheCommands() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
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
    #expect(man.terminationStatus == 0)
    #expect(warnings.isEmpty, "man warnings: \(warnings)")
    #expect(rendered.contains("letters"))
    for name in Self.subcommands {
      #expect(rendered.contains(name), "man page lacks \(name)")
    }
  }
}
