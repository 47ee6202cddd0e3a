import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// SECURITY.md §2, T16, T32: one flipped byte anywhere in the file is either reported
/// (damaged, naming the letter; or wrong passphrase for a keyslot) or changes nothing a
/// user can read. Never a crash, never a silently different letter.
@Suite struct ByteFlipTests {
  @Test func everyFlippedByteIsReportedOrChangesNothing() throws {
    let fixture = try TamperFixture()
    defer { fixture.remove() }
    var random = SeededGenerator(seed: 0x1E77_E125)
    let positions = fixture.positions(count: 2000, using: &random)
    #expect(positions.count >= 2000)
    var tally: [String: Int] = [:]
    for position in positions {
      let mask = fixture.mask(at: position, using: &random)
      let outcome = fixture.classify(flipping: position, mask: mask)
      let at = "byte \(position) ^ \(mask)"
      switch outcome {
      case .harmless: tally["harmless", default: 0] += 1
      case .damaged(let damages):
        tally["damaged", default: 0] += 1
        for letter in fixture.letterRanges where letter.range.contains(position) {
          #expect(
            damages.contains { $0.letterID == letter.id },
            "\(at): \(damages) should name \(letter.id)")
        }
      case .wrongPassphrase: tally["wrong passphrase", default: 0] += 1
      case .refused(let error):
        tally["refused", default: 0] += 1
        #expect(
          error == .kdfCostTooHigh
            || { if case .unsupportedVersion = error { true } else { false } }(),
          "\(at): unexpected \(error)")
      case .changedSilently:
        Issue.record("\(at): the vault opened and verified but reads back differently")
      }
      if fixture.keyslotRanges.contains(where: { $0.contains(position) }) {
        #expect(
          outcome == .wrongPassphrase || outcome == .refused(.kdfCostTooHigh),
          "\(at): keyslot flip gave \(outcome)")
      }
    }
    // The sample reached both kinds of bytes: structure and records, and slack space.
    #expect(tally["damaged", default: 0] > 100)
    #expect(tally["harmless", default: 0] > 100)
    #expect(tally["wrong passphrase", default: 0] > 0)
  }
}
