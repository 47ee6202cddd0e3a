import VaultRecords
import Foundation

/// The brake's one decision-maker (COOLING-OFF.md): the rules, the loosenings still waiting
/// and the clock evidence in; for a letter's send request, whether it may go, why not, and
/// the next moment it could. A pure value: no vault, no database, no clock of its own — the
/// reading is always handed in. `send`, `review`, `deliver`, `rules`, `status`, `show` and
/// `list` all ask it (ARCHITECTURE.md "Services (LetterVault)").
struct CoolingPolicy: Equatable {
  /// The vault's default period, quiet hours and time zone (SETTINGS section 1).
  var rules: VaultSettings.Policy
  /// People written to, with their own periods and former names (sections 2 and 13).
  var recipients: [VaultSettings.Recipient]
  /// Loosenings waiting for their time (section 5).
  var waiting: [PendingRuleChange]
  /// What the clock has done (section 4).
  var evidence: ClockEvidence

  /// A loosening waits at least this long (ms), and at least the period it loosens.
  static let minimumLooseningDelay: Int64 = 24 * 3600 * 1000

  var quietHours: QuietHours {
    QuietHours(uncheckedStart: Int(rules.quietStartMinute), end: Int(rules.quietEndMinute))
  }

  /// The vault's zone; UTC if this system does not know it (COOLING-OFF.md "The rules").
  var timeZone: TimeZone {
    TimeZone(identifier: rules.timeZoneIdentifier) ?? TimeZone(identifier: "UTC")!
  }

  /// The period in force for a letter written to `recipient`, in seconds.
  func coolingOffSeconds(for recipient: String) -> UInt64 {
    let match = recipientIndex(forLetterTo: recipient).map { recipients[$0] }
    if let match, match.coolingOffSeconds > 0 { return match.coolingOffSeconds }
    return rules.coolingOffSeconds
  }

  /// The period in force for a letter written to `recipient`, in ms.
  func period(for recipient: String) -> Int64 {
    Int64(clamping: coolingOffSeconds(for: recipient)) * 1000
  }

  // MARK: - Letters

  /// Where a send request made now, or a cooling-off restarted by an edit, puts a letter's
  /// release time: `max(now, last edit) + its recipient's period`, never before `floor`, the
  /// latest release time the letter was ever given (COOLING-OFF.md "Changing the
  /// recipient"), so neither a new recipient nor a withdrawn request shortens it. "Now" is
  /// ``stampTime(at:)``, not the wall clock.
  func releaseTime(for recipient: String, lastEdit: Int64, floor: Int64, at reading: ClockReading)
    -> Int64
  {
    Swift.max(Swift.max(stampTime(at: reading), lastEdit) + period(for: recipient), floor)
  }

  /// The moment a send request or a waiting rule change counts from (COOLING-OFF.md "A clock
  /// that is behind"): the wall time, or, when the wall clock is behind what it has already
  /// shown, the latest it has shown, carried forward by the boot clock within this boot.
  ///
  /// Why: a correction adds only its net forward part (``ClockWatch``), so a deadline stamped
  /// on a clock that was set back would not move when the clock is put right; within the boot
  /// the boot-time check holds it, but after a restart it would go early by what the clock was
  /// behind. Stamped here it cannot: the clock put right only reaches the stamp. A clock that
  /// was fast and was rightly set back costs the letters that difference, as the release check
  /// against the latest time seen already does; nothing goes early to make up for it.
  func stampTime(at reading: ClockReading) -> Int64 {
    var moment = Swift.max(reading.wall, evidence.maxWall)
    // A doubted reading's boot clock may be a namespace's: only the kernel's counts.
    if reading.doubt == nil, reading.boot.bootID == evidence.bootID {
      moment = Swift.max(moment, reading.sinceBootMilliseconds + evidence.bootOrigin)
    }
    return moment
  }

  /// ``releaseTime(for:lastEdit:floor:at:)`` for a letter: a restart after an edit keeps the
  /// release time it already has when that is later.
  func releaseTime(for meta: LetterMeta, at reading: ClockReading) -> Int64 {
    releaseTime(
      for: meta.recipient, lastEdit: meta.lastEditAt,
      floor: Swift.max(meta.releaseFloor, meta.releaseAt), at: reading)
  }

  /// May the letter whose request is `request` go at `reading`? Asked with the evidence
  /// already observed at that reading (``observe(_:)``).
  func decide(_ request: ReleaseGate.Deadline, at reading: ClockReading) -> CoolingDecision {
    switch gate(at: reading, quietHours: quietHours).decide(request) {
    case .open: CoolingDecision(wait: nil, nextMoment: reading.wall)
    case .wait(let until, let why): CoolingDecision(wait: why, nextMoment: until)
    }
  }

  /// The first moment from `moment` (ms, wall) outside quiet hours, judged at trusted time.
  func firstMomentOutsideQuietHours(from moment: Int64, at reading: ClockReading) -> Int64 {
    gate(at: reading, quietHours: quietHours).firstMomentOutsideQuietHours(from: moment)
  }

  /// The wall time (ms) less what the wall clock moved forward in this boot beyond the
  /// tolerance: the time quiet hours are judged at (COOLING-OFF.md "The clock"). A clock moved
  /// past 07:00 in the night is still in the night here.
  func trustedTime(at reading: ClockReading) -> Int64 {
    reading.wall - forwardOffset(at: reading)
  }

  func forwardOffset(at reading: ClockReading) -> Int64 {
    guard reading.doubt == nil, reading.boot.bootID == evidence.bootID else { return 0 }
    let moved = reading.origin - evidence.bootFirstOrigin
    return moved > ClockWatch.tolerance ? moved : 0
  }

  /// The checks of COOLING-OFF.md "The clock" at `reading` with these quiet hours.
  func gate(at reading: ClockReading, quietHours: QuietHours) -> ReleaseGate {
    ReleaseGate(
      reading: reading, maxWall: evidence.maxWall, forwardOffset: forwardOffset(at: reading),
      quietHours: quietHours, timeZone: timeZone)
  }
}
