import Foundation
import LetterVault

/// A vault with fixed clock and seeded randomness, filled with letters that exercise every
/// export path: a held letter with a note, a draft full of markup and awkward text, and a
/// sent letter (brought in through import, which is how a sent letter with fixed dates is made
/// without the cooling-off).
struct ExchangeFixture {
  static let start = Date(timeIntervalSince1970: 1_777_839_240)  // 2026-05-03 20:14:00 UTC
  static let berlin = TimeZone(identifier: "Europe/Berlin")!

  let directory: URL
  let path: String
  let vault: Vault
  let clock: ManualClock
  let passphrase = Passphrase("correct horse battery staple")

  init(seed: UInt64 = 7, empty: Bool = false) throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("letters-exchange-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    path = directory.appendingPathComponent("vault.db").path
    clock = ManualClock(Self.start)
    vault = try Vault.create(
      at: path, passphrase: passphrase, kdf: .testing, timeZone: Self.berlin, clock: clock,
      random: SeededRandomSource(seed: seed))
    if !empty { try fill() }
  }

  private func fill() throws {
    let held = try vault.write(
      LetterDraft(
        recipient: "Dr. Hale", subject: "After Tuesday", tags: ["therapy"],
        text: "Dear Dr. Hale,\n\nI kept thinking about what you said about waiting.\n"))
    try vault.hold(held)
    clock.advance(3600)
    let awkward = """
      Line one
      <script>alert("x")</script>
      From here on, = signs and a trailing space\u{20}
      .
      Ünïcödé ✉️ and a line long enough to need a soft break in quoted-printable, yes indeed it is
      no newline at the end
      """
    _ = try vault.write(
      LetterDraft(
        recipient: "Sam & <Co>", subject: "<script>alert('s')</script> & more",
        tags: ["a<b", "draft"], text: awkward))
    clock.advance(86_400)
    try vault.addNote(held, text: "Still true a day later.")
    var sent = ImportedLetter(
      recipient: "Mum", subject: "Sonntag ☀", tags: ["family"], state: .sent,
      created: Self.start.addingTimeInterval(-40 * 86_400),
      body: "Dear Mum,\nI miss our Sundays.\n")
    sent.sentAt = Self.start.addingTimeInterval(-39 * 86_400)
    _ = try vault.importLetters([sent])
    clock.advance(60)
  }

  func fileBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Golden files under Tests/LetterVaultTests/Fixtures. `LETTERS_UPDATE_GOLDEN=1` rewrites them.
enum Golden {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

  /// The first line where two texts differ, for a readable failure.
  static func firstDifference(_ actual: [UInt8], _ expected: [UInt8]) -> String {
    let a = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
    let b = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
    for index in 0..<max(a.count, b.count) where a[safe: index] != b[safe: index] {
      return "line \(index + 1): got \(a[safe: index].debugDescription), expected \(b[safe: index].debugDescription)"
    }
    return "identical"
  }

  static func load(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

  /// The stored bytes, after rewriting them first when asked to.
  static func expected(_ name: String, actual: [UInt8]) throws -> [UInt8] {
    if ProcessInfo.processInfo.environment["LETTERS_UPDATE_GOLDEN"] == "1" {
      try Data(actual).write(to: url(name))
    }
    return try load(name)
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
