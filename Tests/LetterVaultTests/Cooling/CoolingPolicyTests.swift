import Foundation
import Testing

@testable import LetterVault

/// ``CoolingPolicy`` as tables, with no vault and no database: the period's mark, quiet-hour
/// edges (midnight, both daylight-saving nights in Europe/Berlin), clock jumps both ways, a
/// correction counted net, loosenings that wait, and a letter's recipient changed while it
/// cools (docs/COOLING-OFF.md).
@Suite struct CoolingPolicyTests {
  typealias Scene = PolicyScene

  @Test(arguments: [(-Scene.second, false), (0, true), (Scene.second, true)])
  func thePeriodEndsAtItsMark(offset: Int64, mayGo: Bool) {
    var scene = Scene()
    let request = scene.request()
    scene.advance(Scene.day + offset)
    let decision = scene.decide(request)
    #expect(decision.mayGo == mayGo)
    #expect(decision.wait == (mayGo ? nil : .coolingOff))
    #expect(decision.nextMoment == (mayGo ? scene.wall : Scene.start + Scene.day))
  }

  @Test(arguments: [
    ("UTC", "2027-01-15T21:59:59Z", nil),
    ("UTC", "2027-01-15T22:00:00Z", "2027-01-16T07:00:00Z"),
    ("UTC", "2027-01-15T23:59:59Z", "2027-01-16T07:00:00Z"),
    ("UTC", "2027-01-16T00:00:00Z", "2027-01-16T07:00:00Z"),
    ("UTC", "2027-01-16T06:59:59Z", "2027-01-16T07:00:00Z"),
    ("UTC", "2027-01-16T07:00:00Z", nil),
    // 29 March 2026: 02:00 CET becomes 03:00 CEST; 07:00 local is 05:00 UTC.
    ("Europe/Berlin", "2026-03-28T20:59:59Z", nil),
    ("Europe/Berlin", "2026-03-28T21:00:00Z", "2026-03-29T05:00:00Z"),
    ("Europe/Berlin", "2026-03-29T04:59:59Z", "2026-03-29T05:00:00Z"),
    ("Europe/Berlin", "2026-03-29T05:00:00Z", nil),
    // 25 October 2026: 03:00 CEST becomes 02:00 CET; 07:00 local is 06:00 UTC.
    ("Europe/Berlin", "2026-10-24T19:59:59Z", nil),
    ("Europe/Berlin", "2026-10-24T20:00:00Z", "2026-10-25T06:00:00Z"),
    ("Europe/Berlin", "2026-10-25T05:59:59Z", "2026-10-25T06:00:00Z"),
    ("Europe/Berlin", "2026-10-25T06:00:00Z", nil),
  ])
  func aDueLetterWaitsOutTheQuietHours(zone: String, at time: String, until: String?) {
    var scene = Scene(period: 60, quietHours: .standard, zone: zone, at: Scene.utc(time) - 2 * Scene.minute)
    let request = scene.request()
    scene.advance(2 * Scene.minute)
    let decision = scene.decide(request)
    #expect(decision.wait == (until == nil ? nil : .quietHours))
    #expect(decision.nextMoment == (until.map(Scene.utc) ?? scene.wall))
  }

  @Test func aForwardJumpWithinTheBootIsAddedToTheRequest() {
    var scene = Scene()
    var request = scene.request()
    scene.advance(Scene.minute)
    let jump = scene.moveWall(by: 2 * Scene.day)
    #expect(jump == 2 * Scene.day)
    request = request.moved(by: jump)
    let decision = scene.decide(request)
    #expect(decision.wait == .coolingOff)
    #expect(decision.nextMoment == Scene.start + 3 * Scene.day)
  }

  /// Bypass 5 of issue 14 with the system clock itself (`date -s`): a letter due at 23:25,
  /// the wall clock moved to 07:01 at 23:35. The night is judged at the trusted time.
  @Test func quietHoursAreJudgedAtTheTrustedTimeNotAtAWallClockMovedPastThem() {
    var scene = Scene(period: 3600, quietHours: .standard, at: Scene.utc("2027-01-15T22:25:00Z"))
    var request = scene.request()
    scene.advance(70 * Scene.minute)
    #expect(scene.decide(request).wait == .quietHours)
    let jump = scene.moveWall(by: 7 * Scene.hour + 26 * Scene.minute)
    request = request.moved(by: jump)
    #expect(scene.policy.trustedTime(at: scene.reading) == Scene.utc("2027-01-15T23:35:00Z"))
    let decision = scene.decide(request)
    #expect(decision.wait == .quietHours)
    #expect(decision.nextMoment == Scene.utc("2027-01-16T07:00:00Z") + jump)
  }

  @Test func aClockSetBackWaitsUntilItCatchesUpWithTheLatestTimeSeen() {
    var scene = Scene()
    let request = scene.request()
    scene.advance(30 * Scene.hour)
    #expect(scene.moveWall(by: -3 * Scene.hour) == 0)
    let decision = scene.decide(request)
    #expect(decision.wait == .clock)
    #expect(decision.nextMoment == Scene.start + 30 * Scene.hour - ClockWatch.tolerance)
  }

  /// Wall-clock steps (minutes) a minute apart, and what the deadlines gain: only the net
  /// forward part beyond the highest point already counted in this boot.
  @Test(arguments: [
    ([-10, 10], 0), ([-10, 25], 15), ([10], 10), ([-30, 20], 0), ([60, -60, 60], 60),
    ([4, 4], 8), ([4], 0),
  ] as [([Int64], Int64)])
  func aCorrectionCountsOnlyWhatItGainedNet(steps: [Int64], added: Int64) {
    var scene = Scene()
    var request = scene.request()
    var total: Int64 = 0
    for step in steps {
      scene.advance(Scene.minute)
      total += scene.moveWall(by: step * Scene.minute)
    }
    #expect(total == added * Scene.minute)
    request = request.moved(by: total)
    #expect(request.at == Scene.start + Scene.day + added * Scene.minute)
    scene.advance(request.at - scene.wall - Scene.second)
    #expect(!scene.decide(request).mayGo)
    scene.advance(Scene.second)
    #expect(scene.decide(request).mayGo)
  }

  /// The history the random model found (COOLING-OFF.md "A clock that is behind"): the clock
  /// set back, a request made while it is behind, the clock put right in the same boot (which
  /// adds nothing: it only undoes the set-back), then a restart. Before the stamp time the
  /// release time was the clock that was behind plus the period, and after the restart the
  /// letter went by `back` early. Each size of set-back, with and without the restart.
  @Test(arguments: [6 * Scene.hour, 10 * Scene.minute, 48 * Scene.hour], [false, true])
  func aRequestMadeWhileTheClockIsBehindCountsFromTheTimeAlreadyShown(back: Int64, restart: Bool) {
    var scene = Scene(period: 12 * 3600)
    scene.advance(Scene.hour)
    let realStart = scene.wall
    #expect(scene.moveWall(by: -back) == 0)
    scene.advance(Scene.minute)
    #expect(scene.policy.stampTime(at: scene.reading) == realStart + Scene.minute)
    let request = scene.request()
    #expect(request.at == realStart + Scene.minute + 12 * Scene.hour)
    #expect(scene.moveWall(by: back) == 0)  // put right: nothing to add
    if restart { scene.restart(after: 11 * Scene.hour) } else { scene.advance(11 * Scene.hour) }
    #expect(scene.decide(request).wait == .coolingOff)
    scene.advance(Scene.hour - Scene.second)
    #expect(!scene.decide(request).mayGo)
    scene.advance(Scene.second)
    #expect(scene.decide(request).mayGo)
  }

  /// The same across a restart: the computer started with its clock behind the latest time
  /// the vault has seen (logged), a request is made before it is put right, and the computer
  /// restarts again with the right time. The request counts from the latest time seen.
  @Test func aRequestMadeInABootThatStartedBehindCountsFromTheLatestTimeSeen() {
    var scene = Scene(period: 12 * 3600)
    scene.restart(after: Scene.minute, wallMovedBy: -6 * Scene.hour)
    let latestSeen = Scene.start
    #expect(scene.policy.evidence.maxWall == latestSeen)
    let request = scene.request()
    #expect(request.at == latestSeen + 12 * Scene.hour)
    scene.restart(after: 11 * Scene.hour, wallMovedBy: 6 * Scene.hour)
    #expect(!scene.decide(request).mayGo)
    scene.advance(Scene.hour - Scene.minute)
    #expect(scene.decide(request).mayGo)
  }

  /// Without a set-back the stamp is the wall clock itself, small steps ahead included.
  @Test(arguments: [0, 4 * Scene.minute])
  func aClockThatIsNotBehindStampsItsOwnTime(ahead: Int64) {
    var scene = Scene()
    scene.advance(Scene.hour)
    #expect(scene.moveWall(by: ahead) == 0)
    #expect(scene.policy.stampTime(at: scene.reading) == scene.wall)
  }

  @Test func anUntrustedClockReleasesNothingAndNamesNoTime() {
    var scene = Scene()
    let request = scene.request()
    scene.doubt = .timeNamespace(bootOffset: 90_000, monotonicOffset: 0)
    scene.advance(2 * Scene.day)
    let decision = scene.decide(request)
    #expect(decision.wait == .untrustedClock(.timeNamespace(bootOffset: 90_000, monotonicOffset: 0)))
    #expect(decision.nextMoment == scene.wall)
  }

  // MARK: - Rules that wait

  @Test func aStricterPeriodAppliesAtOnceAndALooserOneWaitsAFullPeriod() {
    var scene = Scene(period: 86_400)
    #expect(scene.policy.ask(.defaultPeriod, value: 2 * 86_400, at: scene.reading) == nil)
    #expect(scene.policy.rules.coolingOffSeconds == 2 * 86_400)
    let pending = scene.policy.ask(.defaultPeriod, value: 60, at: scene.reading)
    #expect(pending?.effectiveAt == Scene.start + 2 * Scene.day)
    scene.advance(2 * Scene.day - Scene.second)
    #expect(scene.policy.rules.coolingOffSeconds == 2 * 86_400)
    scene.advance(Scene.second)
    #expect(scene.policy.rules.coolingOffSeconds == 60)
    #expect(scene.policy.waiting.isEmpty)
  }

  @Test func aWaitingLooseningIsNotHurriedByAJumpOrAnUntrustedClock() {
    var scene = Scene(period: 86_400)
    _ = scene.policy.ask(.defaultPeriod, value: 60, at: scene.reading)
    scene.advance(Scene.minute)
    scene.moveWall(by: 3 * Scene.day)  // added to the change too
    #expect(scene.policy.rules.coolingOffSeconds == 86_400)
    scene.doubt = .fakedInProcess(difference: 90_000)
    scene.advance(Scene.day)
    #expect(scene.policy.rules.coolingOffSeconds == 86_400)
    scene.doubt = nil
    scene.advance(Scene.second)
    #expect(scene.policy.rules.coolingOffSeconds == 60)
  }

  /// A loosening asked while the clock is set back, the clock put right, a restart: it
  /// waits its whole delay in real time, as a send request does.
  @Test func aLooseningAskedWhileTheClockIsBehindIsNotHurriedByPuttingItRight() {
    var scene = Scene(period: 86_400)
    scene.moveWall(by: -6 * Scene.hour)
    let pending = scene.policy.ask(.defaultPeriod, value: 60, at: scene.reading)
    #expect(pending?.effectiveAt == Scene.start + Scene.day)
    #expect(scene.moveWall(by: 6 * Scene.hour) == 0)
    scene.restart(after: Scene.day - 6 * Scene.hour)
    #expect(scene.policy.rules.coolingOffSeconds == 86_400)
    scene.advance(6 * Scene.hour - Scene.second)
    #expect(scene.policy.rules.coolingOffSeconds == 86_400)
    scene.advance(Scene.second)
    #expect(scene.policy.rules.coolingOffSeconds == 60)
  }

  @Test(arguments: [
    (QuietHours(startMinute: 21 * 60, endMinute: 8 * 60)!, true),
    (QuietHours(startMinute: 23 * 60, endMinute: 6 * 60)!, false),
    (QuietHours.off, false),
    (QuietHours.standard, true),
  ])
  func aWiderQuietWindowAppliesAtOnceAndANarrowerOneWaits(hours: QuietHours, atOnce: Bool) {
    var scene = Scene(quietHours: .standard)
    let pending = scene.policy.ask(.quietHours, value: hours.packed, at: scene.reading)
    #expect((pending == nil) == atOnce)
    #expect(scene.policy.quietHours == (atOnce ? hours : .standard))
  }

  @Test func aRecipientShortenedOrRemovedWaitsTheirPeriod() {
    var scene = Scene(period: 86_400, recipients: [("Dr. Hale", 3 * 86_400)])
    let shorter = scene.policy.ask(.recipientPeriod, recipient: "Dr. Hale", value: 3600, at: scene.reading)
    #expect(shorter?.effectiveAt == Scene.start + 3 * Scene.day)
    let removal = scene.policy.ask(.recipientRemoval, recipient: "Dr. Hale", value: 0, at: scene.reading)
    #expect(removal?.effectiveAt == Scene.start + 3 * Scene.day)
    scene.advance(3 * Scene.day - Scene.second)
    #expect(scene.policy.coolingOffSeconds(for: "dr. hale") == 3 * 86_400)
    scene.advance(Scene.second)
    #expect(scene.policy.recipients.isEmpty)
    #expect(scene.policy.waiting.isEmpty)
  }

  // MARK: - A letter's recipient changed while it cools

  /// Written to someone with three days, moved to someone with one hour: neither the edit,
  /// nor withdrawing the request and asking again, gives it the shorter period.
  @Test func aRecipientWithAShorterPeriodKeepsTheLongerOneThroughACancel() {
    var scene = Scene(recipients: [("Dr. Hale", 3 * 86_400), ("Mum", 3600)])
    var meta = LetterMeta(
      state: .held, letterKey: .init(repeating: 0, count: 32), now: scene.wall,
      recipient: "Dr. Hale", subject: "", tags: [])
    func ask() { meta.startCoolingOff(at: scene.reading, under: scene.policy) }
    ask()
    #expect(meta.releaseAt == Scene.start + 3 * Scene.day)
    scene.advance(Scene.minute)
    meta.recipient = "Mum"
    meta.lastEditAt = scene.wall
    ask()  // the edit restarts the cooling-off
    #expect(meta.releaseAt == Scene.start + 3 * Scene.day)
    meta.clearSendRequest()
    scene.advance(Scene.minute)
    ask()
    #expect(meta.releaseAt == Scene.start + 3 * Scene.day)
    // Once that time has passed, the new recipient's own period is all it waits.
    meta.clearSendRequest()
    scene.advance(3 * Scene.day)
    ask()
    #expect(meta.releaseAt == scene.wall + Scene.hour)
  }

  @Test func aRecipientWithALongerPeriodAppliesAtOnce() {
    var scene = Scene(recipients: [("Dr. Hale", 3 * 86_400), ("Mum", 3600)])
    let toMum = scene.request(to: "Mum")
    #expect(toMum.at == Scene.start + Scene.hour)
    scene.advance(Scene.minute)
    let toHale = scene.request(to: "Dr. Hale", floor: toMum.at)
    #expect(toHale.at == scene.wall + 3 * Scene.day)
  }
}
