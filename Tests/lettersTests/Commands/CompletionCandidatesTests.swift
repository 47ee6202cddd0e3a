import Foundation
import Testing

/// Letter ids and recipient names offered to the shell (Options/Completions.swift), asked the
/// way the generated scripts ask: `letters ---completion SUBCOMMAND -- ARGUMENT WORD-INDEX
/// CURSOR WORDS…`. Completion never asks for a passphrase, never prints anything else and
/// never writes to the vault.
@Suite struct CompletionCandidatesTests {
  /// What bash runs on Tab after `letters <words…>` with `typed` as the word being completed.
  static func complete(
    _ fixture: CLIFixture, subcommand: String, argument: String, words: [String], typed: String,
    environment: [String: String] = [:]
  ) throws -> CLIResult {
    let line = ["letters"] + words + [typed]
    return try fixture.run(
      ["---completion"] + subcommand.split(separator: " ").map(String.init) + ["--", argument, String(line.count - 1), String(typed.count)]
        + line,
      environment: ["SAP_SHELL": "bash", "LETTERS_PASSPHRASE_FILE": "/nonexistent/passphrase"]
        .merging(environment) { $1 })
  }

  @Test func theIdsOfExistingLettersAreOfferedWithoutThePassphrase() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let first = try fixture.write("one")
    let second = try fixture.write("two")
    let before = try fixture.vaultBytes()

    let all = try Self.complete(
      fixture, subcommand: "show", argument: "positional@0", words: ["show"], typed: "")
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stderr.isEmpty)
    #expect(all.stdout == [first, second].map { String($0.prefix(8)) }.sorted().joined(separator: "\n") + "\n")

    let narrowed = try Self.complete(
      fixture, subcommand: "burn", argument: "positional@0", words: ["burn"],
      typed: String(first.prefix(6)))
    #expect(narrowed.stdout.split(separator: "\n").contains(Substring(first.prefix(8))))
    #expect(!narrowed.stdout.contains(second.prefix(8)) || second.hasPrefix(first.prefix(6)))

    let exports = try Self.complete(
      fixture, subcommand: "export", argument: "positional@0", words: ["export", first], typed: "")
    #expect(exports.stdout.contains(second.prefix(8)))
    #expect(try fixture.vaultBytes() == before)
  }

  @Test func theVaultNamedOnTheCommandLineIsTheOneRead() throws {
    let fixture = try CLIFixture()
    let other = try CLIFixture()
    defer {
      fixture.remove()
      other.remove()
    }
    let mine = try fixture.write("mine")
    let theirs = try other.write("theirs")
    let result = try Self.complete(
      fixture, subcommand: "show", argument: "positional@0",
      words: ["show", "--vault", "'\(other.vault)'"], typed: "")
    #expect(result.stdout == String(theirs.prefix(8)) + "\n")
    #expect(!result.stdout.contains(mine.prefix(8)))
  }

  @Test func aMissingVaultOffersNothingAndSaysNothing() throws {
    let fixture = try CLIFixture(create: false)
    defer { fixture.remove() }
    let result = try Self.complete(
      fixture, subcommand: "show", argument: "positional@0", words: ["show"], typed: "3f")
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: fixture.vault))
  }

  @Test func aLockedVaultOffersNoRecipientNames() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    _ = try fixture.write("hello", to: "Dr. Hale")
    let before = try fixture.vaultBytes()
    for (subcommand, option) in [("write", "--to"), ("list", "--to"), ("export", "--to")] {
      let result = try Self.complete(
        fixture, subcommand: subcommand, argument: option, words: [subcommand, option], typed: "")
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.isEmpty, "\(subcommand): \(result.stdout)")
      #expect(result.stderr.isEmpty)
    }
    #expect(try fixture.vaultBytes() == before)
  }

  #if os(Linux)
    @Test func anUnlockedVaultOffersRecipientNamesAndStillWritesNothing() throws {
      let fixture = try CLIFixture()
      defer { fixture.remove() }
      defer { _ = try? fixture.run(["lock"]) }
      _ = try fixture.write("hello", to: "Dr. Hale")
      _ = try fixture.write("hi", to: "Mum")
      #expect(try fixture.run(["recipient", "add", "Sam"]).status == 0)
      #expect(try fixture.run(["unlock", "--for", "2m"]).status == 0)
      let before = try fixture.vaultBytes()
      let all = try Self.complete(
        fixture, subcommand: "list", argument: "--to", words: ["list", "--to"], typed: "")
      #expect(all.status == 0, "\(all.stderr)")
      #expect(all.stdout == "Dr. Hale\nMum\nSam\n")
      #expect(all.stderr.isEmpty)
      let narrowed = try Self.complete(
        fixture, subcommand: "rules set", argument: "--for", words: ["rules", "set", "--for"],
        typed: "m")
      #expect(narrowed.stdout == "Mum\n", "\(narrowed.stderr)")
      #expect(try fixture.vaultBytes() == before)

      #expect(try fixture.run(["lock"]).status == 0)
      let locked = try Self.complete(
        fixture, subcommand: "list", argument: "--to", words: ["list", "--to"], typed: "")
      #expect(locked.stdout.isEmpty)
    }
  #endif
}
