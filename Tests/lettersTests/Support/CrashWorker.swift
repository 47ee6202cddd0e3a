import Foundation
import LetterVault
import Testing

/// One vault, one sequence of commands, each SIGKILLed at a random moment (SECURITY.md §2,
/// T25). After every command the vault must open, verify clean, and hold every write that
/// reported success; a killed command's change is either all there or not there at all.
final class CrashWorker {
  enum Operation: CaseIterable { case write, edit, hold, send, note, passwd, merge }

  let fixture: CLIFixture
  let copyPath: String
  private var random: SeededGenerator
  private var passphrase = CLIFixture.passphrase
  /// Letter id → every text it may have now (one once known; two after a killed edit).
  private var texts: [String: Set<String>] = [:]
  /// Texts of killed writes, which may or may not have been saved under an unknown id.
  private var maybeWritten: Set<String> = []
  private var held: Set<String> = []
  private var notes: [String: Int] = [:]
  /// Letters in the other copy, which a merge brings in.
  private var copyLetters: [String: String] = [:]
  private var mergedOnce = false
  private var estimate: [Operation: Double] = [:]
  private(set) var log: [String] = []
  /// Broken promises, reported by the test on its own thread (this runs on a worker thread,
  /// where Swift Testing cannot tell which test an issue belongs to).
  private(set) var failures: [String] = []
  private(set) var killed = 0

  init(seed: UInt64) throws {
    random = SeededGenerator(seed: seed)
    fixture = try CLIFixture()
    copyPath = fixture.directory.appendingPathComponent("other-computer.db").path
    let first = try fixture.write("the first letter\n")
    texts[first] = ["the first letter\n"]
    try FileManager.default.copyItem(atPath: fixture.vault, toPath: copyPath)
    for index in 0..<2 {
      let text = "written on the other computer \(index)\n"
      // Another computer has its own state directory (its own rollback watermark).
      let result = try fixture.run(
        ["write", "--vault", copyPath], stdin: text,
        environment: ["XDG_STATE_HOME": fixture.directory.appendingPathComponent("other-state").path])
      copyLetters[result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)] = text
    }
  }

  func runIterations(_ count: Int) throws {
    for index in 0..<count { try step(index) }
    let final = try fixture.run(["verify"], environment: passphraseEnvironment(passphrase))
    expect(final.status == 0, "final verify: \(final.stderr)")
  }

  private func step(_ index: Int) throws {
    let operation = pickOperation()
    let known = texts.keys.sorted()
    let target = known.randomElement(using: &random) ?? ""
    let newText =
      "text \(index) " + String(repeating: "word ", count: Int.random(in: 1...400, using: &random))
      + "\n"
    let newPassphrase = "passphrase number \(index) of many"
    var arguments: [String]
    var stdin: String?
    var environment = passphraseEnvironment(passphrase)
    switch operation {
    case .write: (arguments, stdin) = (["write", "--to", "Dr. Hale"], newText)
    case .edit: (arguments, stdin) = (["edit", target], newText)
    case .hold: arguments = ["hold", target]
    // A send request (no --confirm: the cooling-off has not passed); asking again says 75.
    case .send: arguments = ["send", target]
    case .note: (arguments, stdin) = (["note", target], "note \(index)")
    // The copy keeps the first passphrase and key; after a `passwd` here (which re-keys this
    // vault, FORMAT.md §4.2) the merge needs the copy's own passphrase.
    case .merge:
      arguments = ["merge", copyPath]
      environment["LETTERS_COPY_PASSPHRASE_FILE"] = try passphraseFile(CLIFixture.passphrase)
    case .passwd:
      arguments = ["passwd", "--kdf", "interactive"]
      environment["LETTERS_NEW_PASSPHRASE_FILE"] = try passphraseFile(newPassphrase)
    }
    let expected = estimate[operation] ?? 0.3
    let delay = Double.random(in: 0...(expected * 1.6), using: &random)
    let run = try KilledRun.run(
      arguments, stdin: stdin, environment: fixture.environment.merging(environment) { $1 },
      killAfter: delay)
    let what = "#\(index) \(operation) after \(Int(delay * 1000)) ms"
    log.append(what + (run.status.map { " exited \($0)" } ?? " killed"))
    guard let status = run.status else {
      killed += 1
      try checkAfterKill(
        operation, target: target, text: newText, newPassphrase: newPassphrase, what)
      return
    }
    expect(
      status == 0 || (operation == .send && status == 75), "\(what): exited \(status): \(run.stderr)")
    estimate[operation] = 0.7 * (estimate[operation] ?? run.seconds) + 0.3 * run.seconds
    switch operation {
    case .write: texts[run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)] = [newText]
    case .edit: texts[target] = [newText]
    case .hold, .send: held.insert(target)
    case .note: notes[target, default: 0] += 1
    case .passwd: passphrase = newPassphrase
    case .merge:
      mergedOnce = true
      // A merged letter edited here since keeps its edit: merge only adds.
      for (id, text) in copyLetters where texts[id] == nil { texts[id] = [text] }
    }
    try check(what)
  }

  /// A killed command left either the old or the new state; learn which, then check.
  private func checkAfterKill(
    _ operation: Operation, target: String, text: String, newPassphrase: String, _ what: String
  ) throws {
    switch operation {
    case .write: maybeWritten.insert(text)
    case .edit: texts[target, default: []].insert(text)
    case .passwd:
      // T11: exactly one of the two passphrases opens the vault, never neither.
      let old = opens(passphrase)
      let new = opens(newPassphrase)
      expect(old != new, "\(what): old passphrase opens: \(old), new opens: \(new)")
      if new { passphrase = newPassphrase }
    case .hold, .send, .note, .merge: break
    }
    try check(what)
  }

  /// The vault opens, verifies clean, and every known letter has one of its possible texts.
  private func check(_ what: String) throws {
    let vault: Vault
    do {
      vault = try Vault.open(at: fixture.vault, passphrase: Passphrase(passphrase))
    } catch {
      fail("\(what): the vault did not open: \(error)")
      return
    }
    let damage = try vault.verify()
    expect(damage.isEmpty, "\(what): verify found \(damage)")
    let listing = try vault.list()
    expect(listing.damaged.isEmpty, "\(what): list found \(listing.damaged)")
    var found = Set<String>()
    for summary in listing.letters {
      let id = summary.id.description
      found.insert(id)
      let body = try vault.letter(summary.id).body
      let shown = body.count > 40 ? String(body.prefix(40)) + "…" : body
      if let possible = texts[id] {
        expect(
          possible.contains(body),
          "\(what): letter \(summary.id.short) has a text it never had: \(shown)")
        texts[id] = [body]
      } else if let text = copyLetters[id] {
        expect(body == text, "\(what): merged letter \(summary.id.short) is not whole")
        texts[id] = [body]
      } else {
        expect(maybeWritten.contains(body), "\(what): unknown letter \(summary.id.short): \(shown)")
        maybeWritten.remove(body)
        texts[id] = [body]
      }
      if held.contains(id) { expect(summary.state == .held, "\(what): held letter went back") }
      if summary.state == .held { held.insert(id) }
      expect(summary.noteCount >= notes[id, default: 0], "\(what): a saved note is missing")
      notes[id] = summary.noteCount
    }
    for id in texts.keys where !found.contains(id) {
      fail("\(what): letter \(id.prefix(8)) that was saved is missing")
    }
    if mergedOnce {
      for id in copyLetters.keys { expect(found.contains(id), "\(what): merged letter missing") }
    }
  }

  private func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { failures.append(message()) }
  }

  private func fail(_ message: String) { failures.append(message) }

  private func opens(_ candidate: String) -> Bool {
    (try? Vault.open(at: fixture.vault, passphrase: Passphrase(candidate))) != nil
  }

  private func pickOperation() -> Operation {
    let roll = Int.random(in: 0..<100, using: &random)
    switch roll {
    case 0..<30: return .write
    case 30..<55: return .edit
    case 55..<60: return .hold
    case 60..<65: return .send
    case 65..<75: return .note
    case 75..<88: return .passwd
    default: return .merge
    }
  }

  private func passphraseEnvironment(_ value: String) -> [String: String] {
    ["LETTERS_PASSPHRASE_FILE": (try? passphraseFile(value)) ?? ""]
  }

  private func passphraseFile(_ value: String) throws -> String {
    let path = fixture.directory.appendingPathComponent("pass-\(value.hashValue & 0xFFFFFF)").path
    if !FileManager.default.fileExists(atPath: path) {
      try (value + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    return path
  }
}
