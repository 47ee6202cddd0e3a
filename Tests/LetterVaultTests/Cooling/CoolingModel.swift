import Foundation
import LetterVault
import Testing

/// A small reference model of the cooling-off brake (SECURITY.md §2), driven step by step
/// next to a real vault on a ``ManualClock``.
///
/// The model counts real time (what passes for a person), not the wall clock, which steps
/// may jump forward or set back. Each restart and each jump is followed by an unlock, as
/// when the writer next opens the vault; changing the clock between a restart and the first
/// use of letters in that boot is the documented limit (docs/COOLING-OFF.md) and is not
/// generated. The model's period in force is a lower bound of
/// the vault's (a loosening counts from the earliest real moment it could apply), so:
/// - safety, always: a release succeeds only for a held, requested letter whose deadline
///   has passed in real time, outside quiet hours at the trusted time (the wall clock less what
///   it moved forward in this boot, docs/COOLING-OFF.md "The clock"), once, and only with the
///   current fingerprint;
/// - exactness, while no jump has happened: the vault releases exactly when the model says.
struct CoolingModel {
  struct Letter {
    let id: LetterID
    var state: LetterState = .draft
    var requested = false
    /// Real ms from which it may go (a lower bound).
    var deadline: Int64 = 0
    /// A fingerprint of an earlier revision, once it has been edited.
    var stale: String?
  }

  enum Step: Int, CaseIterable {
    case write, edit, hold, send, cancel, release, releaseStale, setPeriod, cancelRules, advance
    case jumpForward, setBack, reboot
  }

  /// Steps by weight: the ones that move a letter towards release come up more often, so
  /// short histories still reach "asked, clock jumped, restarted, tried to release".
  static let table: [Step] = [
    .write, .write, .edit, .edit, .hold, .send, .send, .send, .cancel, .release, .release,
    .release, .release, .releaseStale, .setPeriod, .setPeriod, .cancelRules, .advance, .advance,
    .advance, .advance, .jumpForward, .jumpForward, .setBack, .reboot, .reboot,
  ]

  static let hour: Int64 = 3_600_000
  static let advances: [Int64] = [
    60_000, 1_800_000, 2 * hour, 11 * hour, 15 * hour, 20 * hour, 24 * hour - 1000, 24 * hour,
    25 * hour,
  ]
  static let periods: [Int64] = [hour, 12 * hour, 24 * hour, 48 * hour]

  let clock = ManualClock()
  let directory: String
  let passphrase = Passphrase("correct horse battery staple")
  var vault: Vault
  var letters: [Letter] = []
  var real: Int64 = 0
  var wallOffset: Int64 = 0
  /// `wallOffset` at this boot's first reading: what it moved since is not trusted.
  var bootStartOffset: Int64 = 0
  var jumped = false
  var period: Int64 = 24 * hour
  var pending: (value: Int64, matures: Int64)?
  var boot: UInt8 = 1

  /// The vault lives on /dev/shm when there is one: hundreds of synchronous commits per
  /// run would otherwise wait on the disk.
  init() throws {
    let base =
      FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    directory = base + "/letters-model-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    vault = try Vault.create(
      at: directory + "/vault.db", passphrase: passphrase, kdf: .testing,
      timeZone: Cooling.utcZone, clock: clock)
  }

  func reopen() throws -> Vault {
    try Vault.open(at: directory + "/vault.db", passphrase: passphrase, clock: clock)
  }

  /// Runs one history. Every number picks a step, a letter and an amount.
  static func run(_ numbers: [Int]) throws {
    var model = try CoolingModel()
    defer { try? FileManager.default.removeItem(atPath: model.directory) }
    for number in numbers {
      let count = table.count
      try model.perform(
        table[number % count], letter: number / count % 2, amount: number / (2 * count))
    }
    for letter in model.letters {
      let sends = try model.vault.history(letter.id).filter { $0.kind == .sent }.count
      #expect(sends == (letter.state == .sent ? 1 : 0), "a letter is sent at most once")
    }
  }

  var wall: Int64 { Cooling.start.storedMillisecondsForTests + real + wallOffset }

  /// Quiet hours 22:00–07:00 UTC at the trusted time, computed here without the library.
  var isQuiet: Bool {
    let moved = wallOffset - bootStartOffset
    let trusted = wall - (moved > 5 * 60_000 ? moved : 0)
    let hour = (trusted / 1000 % 86_400) / 3600
    return hour >= 22 || hour < 7
  }

  mutating func perform(_ step: Step, letter index: Int, amount: Int) throws {
    if let pending, real >= pending.matures {
      period = pending.value
      self.pending = nil
    }
    if step == .write {
      guard letters.count < 2 else { return }
      letters.append(
        Letter(id: try vault.write(LetterDraft(recipient: "Dr. Hale", text: "Dear …"))))
      return
    }
    if step.rawValue >= Step.setPeriod.rawValue { return try change(step, amount: amount) }
    guard !letters.isEmpty else { return }
    let slot = index % letters.count
    var letter = letters[slot]
    defer { letters[slot] = letter }
    switch step {
    case .edit:
      let before = try vault.letter(letter.id).fingerprint
      let error = attempt { try vault.edit(letter.id, body: Array("Dear …, \(real)".utf8)) }
      #expect((error == nil) == (letter.state != .sent))
      guard error == nil else { return }
      letter.stale = before
      if letter.requested { letter.deadline = max(letter.deadline, real + period) }
    case .hold:
      let error = attempt { try vault.hold(letter.id) }
      #expect((error == nil) == (letter.state != .sent))
      if letter.state == .draft { letter.state = .held }
    case .send:
      let error = attempt { try vault.requestSend(letter.id) }
      let allowed = letter.state != .sent && !letter.requested
      #expect((error == nil) == allowed)
      guard allowed else { return }
      letter.state = .held
      letter.requested = true
      letter.deadline = real + period
    case .cancel:
      let error = attempt { try vault.cancelSend(letter.id) }
      #expect((error == nil) == letter.requested)
      letter.requested = false
    case .release:
      let fingerprint = try vault.letter(letter.id).fingerprint
      let error = attempt { try vault.release(letter.id, confirming: fingerprint, how: .byHand) }
      let due = letter.requested && real >= letter.deadline && !isQuiet
      if error == nil {
        #expect(
          due,
          "released too early or in quiet hours: real \(real), deadline \(letter.deadline), quiet \(isQuiet)"
        )
        letter.state = .sent
        letter.requested = false
      } else if !jumped {
        #expect(!due, "not released although due: \(String(describing: error))")
      }
    case .releaseStale:
      let stale = letter.stale ?? "0000-0000-0000"
      #expect(attempt { try vault.release(letter.id, confirming: stale, how: .byHand) } != nil)
      #expect(try vault.letter(letter.id).summary.state == letter.state)
    default:
      break
    }
  }

  mutating func change(_ step: Step, amount: Int) throws {
    switch step {
    case .setPeriod:
      let value = Self.periods[amount % Self.periods.count]
      _ = try vault.changeRules(RuleChange(coolingOff: TimeInterval(value / 1000)))
      pending = nil
      if value >= period {
        period = value
      } else {
        pending = (value, real + max(period, 24 * Self.hour))
      }
    case .cancelRules:
      try vault.cancelPendingRules()
      pending = nil
    case .advance:
      let step = Self.advances[amount % Self.advances.count]
      clock.advance(TimeInterval(step) / 1000)
      real += step
    case .jumpForward, .setBack:
      let size: Int64 = [10 * 60_000, 6 * Self.hour, 48 * Self.hour][amount % 3]
      let signed = step == .jumpForward ? size : -size
      clock.jumpWall(TimeInterval(signed) / 1000)
      wallOffset += signed
      jumped = true
      vault = try reopen()  // the writer opens the vault again: the jump is seen
    case .reboot:
      boot &+= 1
      clock.reboot(newID: boot)
      vault = try reopen()
      bootStartOffset = wallOffset
    default:
      break
    }
  }

  private func attempt(_ body: () throws -> Void) -> VaultError? {
    do {
      try body()
      return nil
    } catch let error as VaultError {
      return error
    } catch {
      Issue.record("unexpected error \(error)")
      return .io(path: "", reason: "unexpected")
    }
  }
}

extension Date {
  var storedMillisecondsForTests: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }
}
