import VaultRecords
/// One reading of the clocks: wall time in ms and the boot observation.
struct ClockReading: Equatable {
  var wall: Int64
  var boot: BootObservation
  /// Why these clocks cannot be believed now; nil when they can (``ClockTrust``).
  var doubt: ClockDoubt? = nil

  /// Boot time in ms.
  var sinceBootMilliseconds: Int64 { Int64(clamping: boot.sinceBoot / 1_000_000) }

  /// Where this boot's wall clock says the boot started.
  var origin: Int64 { wall - sinceBootMilliseconds }
}

/// Compares each reading with the evidence kept in the vault (COOLING-OFF.md "The clock").
///
/// Within one boot `wall − boottime` must stay put: CLOCK_BOOTTIME cannot be set and counts
/// suspend. A wall clock more than ``tolerance`` ahead of the highest origin already counted
/// in this boot has jumped forward by the difference; that origin is raised only when a jump
/// is counted, so small steps add up and are caught too, and a clock set back and then
/// forward again (an NTP correction, a clock put right after a mistake) adds only what it
/// gained net. A set-back is measured from the reading before.
enum ClockWatch {
  /// Five minutes of slack for NTP corrections and the odd slow resume.
  static let tolerance: Int64 = 5 * 60 * 1000

  /// Records `reading` in `evidence` and returns how far (ms) the wall clock jumped forward
  /// within this boot, to be added to every open deadline; 0 when it did not.
  static func observe(_ evidence: inout ClockEvidence, _ reading: ClockReading) -> Int64 {
    // A doubted reading is no evidence: a time namespace's boot clock would pass for a
    // new boot and reset what this boot has shown.
    guard reading.doubt == nil else { return 0 }
    let lastOrigin = evidence.lastWall - Int64(clamping: evidence.lastBoottime / 1_000_000)
    defer {
      evidence.lastWall = reading.wall
      evidence.lastBoottime = reading.boot.sinceBoot
      evidence.maxWall = Swift.max(evidence.maxWall, reading.wall)
    }
    guard !evidence.isEmpty else {
      startBoot(&evidence, reading)
      return 0
    }
    let sameBoot =
      reading.boot.bootID == evidence.bootID && reading.boot.sinceBoot >= evidence.lastBoottime
    if !sameBoot {
      // A new boot: the wall clock at its start must not be before the last time seen.
      if reading.origin < evidence.lastWall - tolerance {
        evidence.log(
          .init(
            kind: ClockAnomaly.Kind.setBackAcrossRestart.rawValue, at: reading.wall,
            expected: evidence.lastWall, amount: evidence.lastWall - reading.origin))
      }
      startBoot(&evidence, reading)
      return 0
    }
    let gained = reading.origin - evidence.bootOrigin
    if gained > tolerance {
      evidence.log(
        .init(
          kind: ClockAnomaly.Kind.movedForward.rawValue, at: reading.wall,
          expected: reading.wall - gained, amount: gained))
      evidence.bootOrigin = reading.origin
      return gained
    }
    let lost = lastOrigin - reading.origin
    if lost > tolerance {
      evidence.log(
        .init(
          kind: ClockAnomaly.Kind.setBack.rawValue, at: reading.wall, expected: reading.wall + lost,
          amount: lost))
    }
    return 0
  }

  private static func startBoot(_ evidence: inout ClockEvidence, _ reading: ClockReading) {
    evidence.bootID = reading.boot.bootID
    evidence.bootOrigin = reading.origin
    evidence.bootFirstOrigin = reading.origin
  }
}
