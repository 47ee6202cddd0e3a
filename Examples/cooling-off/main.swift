// The cooling-off brake with an injected clock (docs/COOLING-OFF.md): write a letter, ask to
// send it, try to release it too early, then after the period but in quiet hours, then in the
// morning after re-reading it. The clock is the example's own `VaultClock`, moved by hand.
// Run: swift run cooling-off   (exits 1 if any step does not go as described)
import Foundation
import LetterVault

/// A clock that stands still until the example moves it. The wall clock and the boot clock
/// move together, as real time does, so the vault sees no clock anomaly.
final class HandClock: VaultClock, @unchecked Sendable {
  private let lock = NSLock()
  private var wall: Date
  private var sinceBoot: UInt64 = 3_600_000_000_000

  init(_ start: Date) { wall = start }

  func now() -> Date { lock.withLock { wall } }

  func boot() -> BootObservation {
    lock.withLock {
      BootObservation(bootID: [UInt8](repeating: 7, count: 16), sinceBoot: sinceBoot)
    }
  }

  func advance(to date: Date) {
    lock.withLock {
      sinceBoot += UInt64(max(0, date.timeIntervalSince(wall)) * 1_000_000_000)
      wall = max(wall, date)
    }
  }
}

struct StepFailed: Error, CustomStringConvertible {
  let description: String
}

func check(_ condition: Bool, _ what: String) throws {
  if !condition { throw StepFailed(description: what) }
}

let utc = TimeZone(identifier: "UTC")!
/// 2027-01-15T23:00:00Z ↔ Date (ISO8601DateFormatter works in UTC by default).
func show(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

/// Tries to release `id` against `fingerprint`; returns the wait, or nil when it went out.
func tryRelease(_ vault: Vault, _ id: LetterID, _ fingerprint: String) throws -> (Date, ReleaseWait)? {
  do {
    try vault.release(id, confirming: fingerprint, how: .byHand)
    return nil
  } catch .notYet(let until, let why) {
    return (until, why)
  }
}

/// The library names the reason; wording it is the application's part.
func words(_ why: ReleaseWait) -> String {
  switch why {
  case .coolingOff: "This letter is cooling off"
  case .quietHours: "It is quiet hours now, so this letter waits"
  case .clock: "The clock does not agree with the time seen before, so this letter waits"
  case .untrustedClock: "The clock cannot be trusted right now, so this letter waits"
  }
}

func demonstrate(in directory: URL) throws {
  // 2027-01-15 23:00 UTC: late at night, the usual time for such a letter.
  let clock = HandClock(date("2027-01-15T23:00:00Z"))
  // `.testing` keeps the example instant; real vaults use the default (moderate) cost.
  // The default rules: 24 hours of cooling-off, quiet hours 22:00–07:00 (here in UTC).
  let vault = try Vault.create(
    at: directory.appendingPathComponent("vault.db").path,
    passphrase: Passphrase("a long passphrase here"), kdf: .testing, timeZone: utc, clock: clock)

  let id = try vault.write(LetterDraft(recipient: "Dr. Hale", text: "Dear Dr. Hale, …"))
  print("\(show(clock.now()))  wrote letter \(id.short)")
  let schedule = try vault.requestSend(id)
  print("\(show(clock.now()))  asked to send it: cooling off until \(show(schedule.releaseAt))")
  try check(schedule.releaseAt == clock.now().addingTimeInterval(24 * 3600), "a 24-hour period")
  // The period ends at 23:00, inside quiet hours: the first moment it may go is 07:00.
  print("                      the earliest it can go is \(show(schedule.earliest)) (after quiet hours)")
  try check(show(schedule.earliest) == "2027-01-17T07:00:00Z", "the end of the quiet hours")

  // An hour later: still cooling off.
  clock.advance(to: clock.now().addingTimeInterval(3600))
  let early = try tryRelease(vault, id, try vault.letter(id).fingerprint)
  try check(early != nil, "an early release is refused")
  print("\(show(clock.now()))  tried to send: refused — \(words(early!.1)) until \(show(early!.0))")
  // The wait named is the first moment it can really go: the period, then the quiet hours.
  try check(early!.0 == schedule.earliest, "the wait ends when the letter can go")

  // Just after the period, but at night: quiet hours hold it.
  clock.advance(to: schedule.releaseAt.addingTimeInterval(60))
  let night = try tryRelease(vault, id, try vault.letter(id).fingerprint)
  try check(night != nil, "a release in quiet hours is refused")
  print("\(show(clock.now()))  tried to send: refused — \(words(night!.1)) until \(show(night!.0))")
  try check(night!.0 == schedule.earliest, "the wait ends with the quiet hours")

  // In the morning: re-read the whole letter, then release exactly the text that was read.
  clock.advance(to: schedule.earliest.addingTimeInterval(15 * 60))
  let reread = try vault.letter(id)
  print("\(show(clock.now()))  re-read it (fingerprint \(reread.fingerprint))")
  try check(try tryRelease(vault, id, reread.fingerprint) == nil, "the release after re-reading")
  let state = try vault.letter(id).summary.state
  print("\(show(clock.now()))  released: the letter is now \(state)")
  try check(state == .sent, "the letter is sent")
}

let directory = FileManager.default.temporaryDirectory
  .appendingPathComponent("letters-cooling-off-\(UUID().uuidString)")
// The vault's device record (rollback watermark) goes into the same directory, so nothing
// is left behind in ~/.local/state.
setenv("XDG_STATE_HOME", directory.appendingPathComponent("state").path, 1)
var succeeded = false
do {
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  try demonstrate(in: directory)
  succeeded = true
} catch {
  FileHandle.standardError.write(Data("cooling-off: a step did not go as described: \(error)\n".utf8))
}
try? FileManager.default.removeItem(at: directory)
exit(succeeded ? 0 : 1)
