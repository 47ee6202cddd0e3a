import Testing

@testable import LetterVault

/// ``ClockWatch`` as a table: what each reading adds to open deadlines, what it logs, and the
/// boot's first origin that the trusted time is measured from (docs/COOLING-OFF.md "The
/// clock"; FORMAT.md §18). No vault, no system clock.
@Suite struct ClockWatchTests {
  static let boot1 = [UInt8](repeating: 1, count: 16)
  static let boot2 = [UInt8](repeating: 2, count: 16)
  static let start: Int64 = 1_800_000_000_000
  static let minute: Int64 = 60_000

  static func reading(_ wall: Int64, boot ms: Int64, id: [UInt8] = boot1) -> ClockReading {
    ClockReading(wall: wall, boot: BootObservation(bootID: id, sinceBoot: UInt64(ms) * 1_000_000))
  }

  /// (wall step in minutes, real minutes before it) → (added, anomaly kinds logged so far).
  @Test(arguments: [
    ([(0, 60)], 0, [] as [ClockAnomaly.Kind]),
    ([(6, 1)], 6, [.movedForward]),
    ([(-6, 1)], 0, [.setBack]),
    ([(-10, 1), (10, 1)], 0, [.setBack]),
    ([(-10, 1), (16, 1)], 6, [.setBack, .movedForward]),
    ([(30, 1), (-30, 1), (30, 1)], 30, [.movedForward, .setBack]),
  ] as [([(Int64, Int64)], Int64, [ClockAnomaly.Kind])])
  func stepsOfTheWallClockWithinOneBoot(
    steps: [(Int64, Int64)], added: Int64, kinds: [ClockAnomaly.Kind]
  ) {
    var evidence = ClockEvidence()
    var wall = Self.start
    var boot: Int64 = 3_600_000
    _ = ClockWatch.observe(&evidence, Self.reading(wall, boot: boot))
    var total: Int64 = 0
    for (step, real) in steps {
      wall += (step + real) * Self.minute
      boot += real * Self.minute
      total += ClockWatch.observe(&evidence, Self.reading(wall, boot: boot))
    }
    #expect(total == added * Self.minute)
    #expect(evidence.anomalies.compactMap { ClockAnomaly.Kind(rawValue: $0.kind) } == kinds)
    #expect(evidence.bootFirstOrigin == Self.start - 3_600_000)
  }

  @Test func aNewBootStartsItsOwnFirstOriginAndNotesAClockBehind() {
    var evidence = ClockEvidence()
    _ = ClockWatch.observe(&evidence, Self.reading(Self.start, boot: 3_600_000))
    let jump = ClockWatch.observe(
      &evidence, Self.reading(Self.start - 60 * Self.minute, boot: 60_000, id: Self.boot2))
    #expect(jump == 0)
    #expect(evidence.bootID == Self.boot2)
    #expect(evidence.bootFirstOrigin == Self.start - 60 * Self.minute - 60_000)
    #expect(evidence.anomalies.map(\.kind) == [ClockAnomaly.Kind.setBackAcrossRestart.rawValue])
  }

  @Test func aDoubtedReadingIsNoEvidence() {
    var evidence = ClockEvidence()
    _ = ClockWatch.observe(&evidence, Self.reading(Self.start, boot: 3_600_000))
    let before = evidence
    var faked = Self.reading(Self.start + 86_400_000, boot: 10, id: Self.boot2)
    faked.doubt = .fakedInProcess(difference: 86_400)
    #expect(ClockWatch.observe(&evidence, faked) == 0)
    #expect(evidence == before)
  }

  /// A vault written before the first origin was kept still opens; the accepted origin
  /// stands in for it (FORMAT.md §18).
  @Test func evidenceWithoutTheFirstOriginStillReads() throws {
    var evidence = ClockEvidence()
    _ = ClockWatch.observe(&evidence, Self.reading(Self.start, boot: 3_600_000))
    evidence.bootFirstOrigin = 42
    var writer = ByteWriter()
    evidence.encode(into: &writer)
    var reader = ByteReader(Array(writer.bytes.dropLast(8)))
    let old = try ClockEvidence(reading: &reader)
    #expect(old.bootFirstOrigin == old.bootOrigin)
    var full = ByteReader(writer.bytes)
    #expect(try ClockEvidence(reading: &full) == evidence)
  }
}
