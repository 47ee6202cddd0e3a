import Foundation
import LetterVault
import Testing

/// The real binary over a sample of single-byte flips (the library suite covers 2,000 in
/// process): it never dies of a signal or a trap, and every flip is reported (65, or 77 for
/// a keyslot) or changes nothing `list --json` and `show --json` print.
@Suite struct TamperCommandTests {
  @Test func theBinaryReportsOrIgnoresEveryFlipAndNeverCrashes() throws {
    let fixture = try CLIFixture(create: false)
    defer { fixture.remove() }
    // Built in process with the format's cheapest KDF, so 200 runs stay quick.
    let vault = try Vault.create(
      at: fixture.vault, passphrase: Passphrase(CLIFixture.passphrase),
      kdf: KDFParameters(opsLimit: 1, memLimit: 8192))
    let first = try vault.write(
      LetterDraft(recipient: "Dr. Hale", subject: "Tuesday", text: "Dear Dr. Hale,\n"))
    try vault.edit(first, body: Array("Dear Dr. Hale,\nthank you.\n".utf8))
    try vault.addNote(first, text: "calmer now")
    let second = try vault.write(
      LetterDraft(recipient: "Mum", text: String(repeating: "I miss you. ", count: 150)))
    try vault.hold(second)
    let ids = [first.description, second.description]
    let original = [UInt8](try fixture.vaultBytes())
    let baseline = try Self.readAll(fixture, vault: fixture.vault, ids: ids)
    #expect(baseline.status == 0)

    var random = SeededGenerator(seed: 0xC11_7A3E)
    // Round-robin over the 4 KiB stretches that hold a non-zero byte: the all-zero middle of a
    // 16 KiB page (FORMAT.md §8.2) is free space, and sampling it evenly left too few flips
    // on the records themselves.
    let stretches = stride(from: 0, to: original.count, by: 4096)
      .map { $0..<min(original.count, $0 + 4096) }
      .filter { stretch in original[stretch].contains { $0 != 0 } }
    var flips: [(Int, UInt8)] = []
    for index in 0..<200 {
      let position = Int.random(in: stretches[index % stretches.count], using: &random)
      flips.append((position, UInt8.random(in: 1...255, using: &random)))
    }
    let planned = flips
    let results = Self.inParallel(planned.count) { index -> (String, CLIResult, CLIResult?) in
      let (position, mask) = planned[index]
      var bytes = original
      bytes[position] ^= mask
      let path = fixture.directory.appendingPathComponent("flip-\(index).db").path
      FileManager.default.createFile(
        atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
      defer { try? FileManager.default.removeItem(atPath: path) }
      let verify = try! fixture.run(["verify", "--vault", path])
      let read = verify.status == 0 ? try! Self.readAll(fixture, vault: path, ids: ids) : nil
      return ("byte \(position) ^ \(mask)", verify, read)
    }
    var reported = 0
    for (at, verify, read) in results {
      #expect(
        [0, 65, 77].contains(verify.status),
        "\(at): verify exited \(verify.status): \(verify.stderr)")
      #expect(!verify.stderr.contains("Fatal error"), "\(at): \(verify.stderr)")
      if verify.status == 65 || verify.status == 77 {
        reported += 1
        #expect(verify.stderr.hasPrefix("letters: "), "\(at): \(verify.stderr)")
      }
      if let read {
        #expect(
          read.status == 0 && read.stdout == baseline.stdout,
          "\(at): verify passed but the letters read differently")
      }
    }
    #expect(reported > 20)
  }

  /// `list --json` then `show --json` of each letter, concatenated; status is the worst.
  static func readAll(_ fixture: CLIFixture, vault: String, ids: [String]) throws -> CLIResult {
    var out = ""
    var status: Int32 = 0
    for arguments in [["list", "--json"]] + ids.map({ ["show", $0, "--json"] }) {
      let result = try fixture.run(arguments + ["--vault", vault])
      out += result.stdout
      status = max(status, result.status)
    }
    return CLIResult(status: status, stdout: out, stderr: "", stdoutData: Data(out.utf8))
  }

  /// Runs `count` jobs on two threads (the machine has two cores), results in order.
  static func inParallel<T: Sendable>(_ count: Int, _ job: @escaping @Sendable (Int) -> T) -> [T] {
    let results = Results<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: 2) { worker in
      for index in stride(from: worker, to: count, by: 2) { results.set(index, job(index)) }
    }
    return results.values.map { $0! }
  }
}

/// A lock-protected result array for `inParallel`.
final class Results<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [T?]
  init(count: Int) { storage = Array(repeating: nil, count: count) }
  func set(_ index: Int, _ value: T) { lock.withLock { storage[index] = value } }
  var values: [T?] { lock.withLock { storage } }
}
