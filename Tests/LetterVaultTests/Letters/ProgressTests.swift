import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// Long work tells its caller how far it has come (VaultProgress.swift): per phase, `done`
/// only goes up, starts at 0 and ends at `total`, and the handler is called at a modest rate.
@Suite struct ProgressTests {
  static let count = 250

  /// Every report a handler received, in order.
  final class Recorder {
    var reports: [VaultProgress] = []
    var handler: ProgressHandler { { [self] in reports.append($0) } }

    func phase(_ phase: VaultProgress.Phase) -> [VaultProgress] {
      reports.filter { $0.phase == phase }
    }
  }

  static func letters(_ count: Int, from start: Int = 0) -> [ImportedLetter] {
    (start..<start + count).map { index in
      ImportedLetter(
        recipient: "R\(index % 7)", subject: "letter \(index)",
        created: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60),
        body: "text of letter \(index)")
    }
  }

  /// Checks one phase: starts at 0, strictly increasing, ends at total, at most ~100 calls.
  static func expectWellFormed(_ reports: [VaultProgress], total: Int) {
    #expect(reports.first?.done == 0)
    #expect(reports.last?.done == total)
    #expect(reports.allSatisfy { $0.total == total })
    #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.done < $1.done })
    #expect(reports.count <= 102, "called \(reports.count) times")
    #expect(reports.count > 2)
  }

  @Test func importExportAndVerifyReportEveryLetterInOrder() throws {
    let test = try TestVault()
    defer { test.remove() }
    let imports = Recorder()
    let summary = try test.vault.importLetters(Self.letters(Self.count), progress: imports.handler)
    #expect(summary.imported.count == Self.count)
    Self.expectWellFormed(imports.phase(.importing), total: Self.count)
    #expect(imports.reports.count == imports.phase(.importing).count)

    let exports = Recorder()
    let bundle = try test.vault.exportBundle(progress: exports.handler)
    #expect(bundle.letters.count == Self.count)
    Self.expectWellFormed(exports.phase(.exporting), total: Self.count)

    let checks = Recorder()
    #expect(try test.vault.verify(progress: checks.handler).isEmpty)
    Self.expectWellFormed(checks.phase(.verifying), total: Self.count)
  }

  @Test func mergeReportsCheckingTheCopyThenComparing() throws {
    let copies = try VaultCopies()
    defer { copies.remove() }
    _ = try copies.home.vault.importLetters(Self.letters(10))
    _ = try copies.away.importLetters(Self.letters(Self.count, from: 10))
    let merges = Recorder()
    let report = try copies.home.vault.merge(from: copies.awayPath, progress: merges.handler)
    #expect(report.changes.count == Self.count)
    Self.expectWellFormed(merges.phase(.checkingCopy), total: Self.count)
    Self.expectWellFormed(merges.phase(.merging), total: Self.count)
    // The copy is checked completely before anything is compared.
    let phases = merges.reports.map(\.phase)
    #expect(phases.lastIndex(of: .checkingCopy)! < phases.firstIndex(of: .merging)!)
  }

  @Test func aSmallPhaseStillStartsAtZeroAndEndsAtItsTotal() throws {
    let test = try TestVault()
    defer { test.remove() }
    let recorder = Recorder()
    _ = try test.vault.importLetters(Self.letters(3), progress: recorder.handler)
    #expect(recorder.reports.map(\.done) == [0, 1, 2, 3])
  }
}
