import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// ExportStream.swift, ExportJSON.swift, ExportDates.swift: the export written letter by
/// letter without `JSONEncoder` or the date formatters gives the bytes they give.
@Suite struct ExportStreamTests {
  static let zones = [
    "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "Pacific/Chatham", "America/St_Johns",
    "Africa/Monrovia", "Australia/Lord_Howe",
  ].map { TimeZone(identifier: $0)! }

  /// Text with every C0 control, quotes, backslashes, slashes, `<>&`, DEL, C1, U+2028,
  /// accents (composed and not), emoji and CRLF.
  static func hostileText(_ random: inout SeededGenerator, length: Int) -> String {
    let alphabet = Array(
      "ab \"\\/<>&\u{7F}\u{85}\u{2028}\u{2029}é e\u{0301}ß😀👩‍👩‍👧\r\n\t\u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}".unicodeScalars)
      + (0..<32).map { Unicode.Scalar($0)! }
    return String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }))
  }

  static func date(_ random: inout SeededGenerator) -> Date {
    // Milliseconds from 1850 to 2200: before 1900 the formatters are used (and compared too).
    Date(timeIntervalSince1970: Double(Int64.random(in: -3_786_825_600_000...7_258_118_400_000, using: &random)) / 1000)
  }

  static func bundle(seed: UInt64, count: Int) -> LetterBundle {
    var random = SeededGenerator(seed: seed)
    func maybeDate() -> Date? { Bool.random(using: &random) ? date(&random) : nil }
    let letters = (0..<count).map { index -> ExportedLetter in
      let states: [LetterState] = [.draft, .held, .sent]
      let summary = LetterSummary(
        id: LetterID(bytes: (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }),
        state: states[index % 3], recipient: hostileText(&random, length: Int.random(in: 0...8, using: &random)),
        subject: hostileText(&random, length: Int.random(in: 0...12, using: &random)),
        tags: (0..<Int.random(in: 0...3, using: &random)).map { _ in hostileText(&random, length: 4) },
        created: date(&random), updated: date(&random), lastEdited: date(&random), releaseAt: maybeDate(),
        reviewOn: maybeDate(), sentAt: maybeDate(), sentHow: Bool.random(using: &random) ? "" : hostileText(&random, length: 5),
        deliveryError: "", revision: Int.random(in: 1...40, using: &random), noteCount: 0)
      let notes = (0..<Int.random(in: 0...2, using: &random)).map {
        LetterNote(number: $0 + 1, date: date(&random), text: hostileText(&random, length: 9))
      }
      let letter = Letter(summary: summary, body: hostileText(&random, length: Int.random(in: 0...90, using: &random)), fingerprint: "ab12-cd34-ef56")
      return ExportedLetter(letter: letter, notes: notes, email: Bool.random(using: &random) ? "" : "a/b@example.org")
    }
    return LetterBundle(letters: letters, exportedAt: date(&random), from: "")
  }

  /// The JSON export as the encoder wrote it before (the reference).
  static func encoderJSON(_ bundle: LetterBundle, zone: TimeZone) throws -> [UInt8] {
    let iso = ISO8601DateFormatter()
    iso.timeZone = zone
    iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let entries = bundle.letters.map { exported in
      let summary = exported.letter.summary
      return ExportDocument.Entry(
        id: summary.id.description, to: summary.recipient, email: exported.email,
        subject: summary.subject, state: summary.state.description, tags: summary.tags,
        created: iso.string(from: summary.created), updated: iso.string(from: summary.updated),
        lastEdited: iso.string(from: summary.lastEdited), releaseAt: summary.releaseAt.map(iso.string),
        reviewOn: summary.reviewOn.map(iso.string), sentAt: summary.sentAt.map(iso.string),
        sentHow: summary.sentHow.isEmpty ? nil : summary.sentHow, revision: summary.revision,
        fingerprint: exported.letter.fingerprint, body: exported.letter.body,
        notes: exported.notes.map { .init(date: iso.string(from: $0.date), text: $0.text) })
    }
    let document = ExportDocument(
      format: ExportDocument.formatName, version: ExportDocument.currentVersion,
      exported: iso.string(from: bundle.exportedAt), letters: entries)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(document)) + [0x0A]
  }

  @Test(arguments: [0, 1, 2, 40])
  func theJSONExportIsTheEncodersBytes(count: Int) throws {
    for (number, zone) in Self.zones.enumerated() {
      let bundle = Self.bundle(seed: UInt64(0xE4_0000 + count * 16 + number), count: count)
      let actual = LetterExporter(format: .json, timeZone: zone).render(bundle)
      let expected = try Self.encoderJSON(bundle, zone: zone)
      #expect(actual == expected, "\(zone.identifier): differs at \(actual.indices.first { $0 >= expected.count || actual[$0] != expected[$0] } ?? actual.count)")
    }
  }

  /// Every Letters-Data line as `JSONEncoder` wrote it, with `<`, `>`, `&` escaped after.
  @Test func theLettersDataLineIsTheEncodersBytes() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for (number, zone) in Self.zones.enumerated() {
      let dates = ExportDates(timeZone: zone)
      for exported in Self.bundle(seed: UInt64(0xF4_00 + number), count: 60).letters {
        var frame = LetterFrame(exported, dates: dates)
        if exported.letter.body.utf8.count % 3 == 0 { frame.lastEdited = nil }
        // Every `<`, `>`, `&` byte: the encoder's text went through `replacingOccurrences`,
        // which compares characters and so left one followed by a combining mark as it was
        // (a `>` that could end the comment); the line now escapes them all.
        let json = String(decoding: try encoder.encode(frame).flatMap { byte -> [UInt8] in
          switch byte {
          case UInt8(ascii: "<"): Array("\\u003c".utf8)
          case UInt8(ascii: ">"): Array("\\u003e".utf8)
          case UInt8(ascii: "&"): Array("\\u0026".utf8)
          default: [byte]
          }
        }, as: UTF8.self)
        #expect(frame.line(.text) == "Letters-Data: " + json)
        #expect(frame.line(.markdown) == "<!-- Letters-Data: " + json + " -->")
      }
    }
  }

  /// "3 May 2026 22:14" and ISO 8601 with milliseconds, as the formatters write them, in
  /// zones with half-hour, 45-minute and (before 1972) odd-second offsets, from 1850 to 2200.
  @Test func datesAreTheFormattersText() {
    var random = SeededGenerator(seed: 0xDA7E)
    for zone in Self.zones {
      let dates = ExportDates(timeZone: zone)
      let human = DateFormatter()
      human.locale = Locale(identifier: "en_US_POSIX")
      human.timeZone = zone
      human.dateFormat = "d MMM yyyy HH:mm"
      let iso = ISO8601DateFormatter()
      iso.timeZone = zone
      iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
      for step in 0..<2_000 {
        var date = Self.date(&random)
        // Sub-millisecond times as well, and the edges of a second.
        if step % 4 == 1 { date += Double(Int.random(in: 1...999, using: &random)) / 1_000_000 }
        if step % 4 == 2 { date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down) - 0.0004) }
        #expect(dates.human(date) == human.string(from: date), "\(zone.identifier) \(date.timeIntervalSince1970)")
        #expect(dates.iso(date) == iso.string(from: date), "\(zone.identifier) \(date.timeIntervalSince1970)")
      }
    }
  }

  /// Written letter by letter, every format gives the bytes of rendering the whole bundle,
  /// and the vault's plan and reads give the letters `exportBundle` gives, oldest first.
  @Test func theVaultsLettersStreamInTheBundlesOrder() throws {
    let fixture = try ExchangeFixture()
    defer { fixture.remove() }
    let bundle = try fixture.vault.exportBundle()
    let plan = try fixture.vault.exportPlan()
    #expect(plan.count == 3)
    for format in ExportFormat.allCases {
      var stream = ExportStream(format: format, timeZone: ExchangeFixture.berlin, plan: plan)
      var bytes = stream.opening()
      var seen: [ExportedLetter] = []
      try fixture.vault.export(plan) { letter in
        seen.append(letter)
        bytes += stream.letter(letter)
        return true
      }
      bytes += stream.closing()
      #expect(seen == bundle.letters)
      let whole = LetterExporter(format: format, timeZone: ExchangeFixture.berlin).render(
        LetterBundle(letters: seen, exportedAt: plan.exportedAt, from: plan.from))
      #expect(bytes == whole, "\(format)")
    }
    var handed = 0
    try fixture.vault.export(plan) { _ in
      handed += 1
      return false
    }
    #expect(handed == 1, "false stops the export")
  }

  /// A damaged text stops the letters handed over and names every damaged letter.
  @Test func aDamagedLetterStopsTheStreamAndEveryDamagedOneIsNamed() throws {
    let fixture = try ExchangeFixture()
    defer { fixture.remove() }
    let plan = try fixture.vault.exportPlan()
    let all = try fixture.vault.exportBundle().letters.map(\.letter.summary.id)
    let file = try VaultFile(path: fixture.path)
    try file.flipByte(.body, of: all[1].bytes)
    try file.flipByte(.body, of: all[2].bytes)
    let vault = fixture.vault
    var handed: [LetterID] = []
    #expect {
      try vault.export(plan) { letter in
        handed.append(letter.letter.summary.id)
        return true
      }
    } throws: { error in
      guard case VaultError.damaged(let found) = error else { return false }
      return Set(found.map(\.letterID)) == Set([all[1].description, all[2].description])
    }
    #expect(handed == [all[0]])
  }
}
