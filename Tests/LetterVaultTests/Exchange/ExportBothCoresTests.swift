import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// ExchangeDesk+ExportBothCores.swift, ExportRuns.swift, RecordTransaction+WholeLetter.swift:
/// the export read and rendered on two threads hands back exactly the bytes of the one-letter-
/// at-a-time stream, in order, and stops at a damaged letter the same way.
@Suite struct ExportBothCoresTests {
  /// A vault of `count` letters with hostile Unicode text in every field, notes on some and a
  /// second revision on others, in random date order (so the plan's order is not the file's).
  static func fixture(count: Int, seed: UInt64) throws -> (ExchangeFixture, [LetterID]) {
    let fixture = try ExchangeFixture(empty: true)
    var random = SeededGenerator(seed: seed)
    func text(_ length: Int) -> String { ExportStreamTests.hostileText(&random, length: length) }
    let letters = (0..<count).map { index -> ImportedLetter in
      let states: [LetterState] = [.draft, .held, .sent]
      var letter = ImportedLetter(
        recipient: index % 5 == 0 ? "" : text(Int.random(in: 1...8, using: &random)),
        subject: text(Int.random(in: 0...12, using: &random)),
        tags: (0..<Int.random(in: 0...3, using: &random)).map { _ in text(4) }, state: states[index % 3],
        created: ExchangeFixture.start.addingTimeInterval(-Double(Int.random(in: 0...10_000_000, using: &random))),
        body: text(Int.random(in: 0...300, using: &random)))
      if letter.state == .sent { letter.sentAt = letter.created.addingTimeInterval(60) }
      letter.notes = (0..<Int.random(in: 0...2, using: &random)).map {
        ImportedLetter.Note(date: letter.created.addingTimeInterval(Double($0 + 1) * 3600), text: text(9))
      }
      return letter
    }
    _ = try fixture.vault.importLetters(letters)
    let ids = try fixture.vault.exportPlan().count > 0 ? try fixture.vault.exportBundle().letters.map(\.letter.summary.id) : []
    for (index, id) in ids.enumerated() where index % 7 == 3 {
      guard (try? fixture.vault.edit(id, body: Array("second revision \(index) <é>\r\n".utf8))) != nil else { continue }
    }
    return (fixture, ids)
  }

  /// The bytes of the serial stream (``Vault/export(_:progress:_:)``, one letter at a time),
  /// or the damage it threw after the bytes it had handed over.
  static func serial(_ vault: Vault, _ plan: ExportPlan, _ format: ExportFormat) -> ([UInt8], VaultError?) {
    var stream = ExportStream(format: format, timeZone: ExchangeFixture.berlin, plan: plan)
    var out = stream.opening()
    do {
      try vault.export(plan) {
        out += stream.letter($0)
        return true
      }
    } catch { return (out, error) }
    return (out + stream.closing(), nil)
  }

  /// The same through the runs of both cores (or of this thread alone).
  static func runs(_ vault: Vault, _ plan: ExportPlan, _ format: ExportFormat, second: Bool = true) -> ([UInt8], VaultError?) {
    let stream = ExportStream(format: format, timeZone: ExchangeFixture.berlin, plan: plan)
    var out = stream.opening()
    do {
      try vault.exchangeDesk.export(plan, rendering: stream, secondConnection: second) { bytes in
        out += bytes
        return true
      }
    } catch { return (out, error) }
    return (out + stream.closing(), nil)
  }

  @Test func bothCoresGiveTheBytesOfTheSerialStreamInEveryFormat() throws {
    let (fixture, _) = try Self.fixture(count: 300, seed: 41)
    defer { fixture.remove() }
    let plan = try fixture.vault.exportPlan()
    #expect(plan.count == 300)
    for format in ExportFormat.allCases {
      let (expected, failure) = Self.serial(fixture.vault, plan, format)
      #expect(failure == nil)
      for second in [true, false] {
        let (actual, error) = Self.runs(fixture.vault, plan, format, second: second)
        #expect(error == nil, "\(format)")
        #expect(actual == expected, "\(format), second connection \(second): \(Golden.firstDifference(actual, expected))")
      }
    }
    // A filtered plan too (positions no longer follow the file's letters one to one).
    let held = try fixture.vault.exportPlan(filter: LetterFilter(state: .held))
    #expect(Self.runs(fixture.vault, held, .json).0 == Self.serial(fixture.vault, held, .json).0)
  }

  @Test func damagedLettersInEitherThreadsRunsStopTheBytesWhereTheSerialStreamStops() throws {
    let (fixture, ids) = try Self.fixture(count: 200, seed: 42)
    defer { fixture.remove() }
    let file = try VaultFile(path: fixture.path)
    // Oldest first: letter 44 (the second run of 32) with a flipped text, 170 (the sixth)
    // with its text removed; the runs between are read by whichever thread takes them.
    try file.flipByte(.body, of: ids[44].bytes)
    try file.delete(ids[170].bytes, kind: .body)
    let plan = try fixture.vault.exportPlan()
    for format in [ExportFormat.md, .json, .eml] {
      let (expected, expectedError) = Self.serial(fixture.vault, plan, format)
      let (actual, error) = Self.runs(fixture.vault, plan, format)
      #expect(actual == expected, "\(format): \(Golden.firstDifference(actual, expected))")
      #expect(error != nil && error == expectedError, "\(format): \(String(describing: error))")
      guard case .damaged(let damage) = error else { continue }
      #expect(damage.map(\.letterID) == [ids[44].description, ids[170].description])
    }
  }

  /// The plan no longer probes the META of the letters it plans (the export's read of each
  /// does): a letter whose META is gone still fails the export, named as `list` names it,
  /// whether it is planned or filtered out.
  @Test func aLetterWhoseMetaIsGoneStillFailsTheExportNamingIt() throws {
    let (fixture, ids) = try Self.fixture(count: 120, seed: 44)
    defer { fixture.remove() }
    try VaultFile(path: fixture.path).delete(ids[100].bytes, kind: .meta)
    let expected = VaultError.damaged([.missingLetter(ids[100])])
    for filter in [LetterFilter(), LetterFilter(state: .draft), LetterFilter(state: .sent)] {
      var failure: VaultError?
      do {
        let plan = try fixture.vault.exportPlan(filter: filter)
        failure = Self.runs(fixture.vault, plan, .md).1
      } catch { failure = error }
      #expect(failure == expected, "\(filter)")
    }
  }

  @Test func aWriterThatStopsGetsNoMoreBytes() throws {
    let (fixture, _) = try Self.fixture(count: 150, seed: 43)
    defer { fixture.remove() }
    let plan = try fixture.vault.exportPlan()
    let stream = ExportStream(format: .txt, plan: plan)
    var calls = 0
    try fixture.vault.export(plan, rendering: stream) { _ in
      calls += 1
      return calls < 2
    }
    #expect(calls == 2)
  }
}
