import VaultRecords
import Foundation

/// What `letters status` shows at a glance.
public struct VaultStatus: Sendable {
  /// Number of letters in each state.
  public let counts: [LetterState: Int]
  /// Held letters with a send request, earliest release first.
  public let pendingSends: [LetterSummary]
  /// Held letters whose review date has come.
  public let dueForReview: [LetterSummary]
  /// Letters whose last delivery did not go through.
  public let deliveryProblems: [LetterSummary]
  /// Anything damaged met while gathering this.
  public let damaged: [Damage]
  /// How many write transactions the vault has seen.
  public let epoch: UInt64
  /// What the clock did that letters noticed, oldest first (COOLING-OFF.md "The clock").
  public let clockAnomalies: [ClockAnomaly]
  /// Letters a merge brought in as sent, from another copy, while this vault still held
  /// them; those of the last 30 days, earliest arrival first (COOLING-OFF.md "Copies and
  /// imports").
  public let sentElsewhere: [SentElsewhere]
  /// Jotted texts still waiting after the unlock took the others in: each could not be
  /// opened or did not fit a letter, and was left as it is (FORMAT.md §6.5).
  public let capturesSetAside: Int
}

/// Verification and status (FORMAT.md §10.7, §10.8); the passphrase change is a re-key
/// (Keys/KeyDesk+Rekey.swift).
extension LetterDesk {
  func verify(progress: ProgressHandler? = nil) throws(VaultError) -> [Damage] {
    try verify(progress: progress, phase: .verifying)
  }

  /// `verify`, reporting progress as `phase` (a merge checks the other copy with it).
  func verify(progress: ProgressHandler?, phase: VaultProgress.Phase) throws(VaultError) -> [Damage] {
    var damaged: [Damage] = []
    let problems = try VaultError.translating(path: path) { try database.quickCheck() }
    if problems != ["ok"] {
      damaged.append(Damage(letterID: nil, part: .vaultFile, reason: "SQLite structure check failed"))
    }
    let found = try records.read { tx in
      try VaultVerifier(tx: tx, progress: progress, phase: phase).run()
    }
    return damaged + found
  }

  func status() throws(VaultError) -> VaultStatus {
    let listing = try SearchDesk(context).list()
    let now = clock.now()
    var counts: [LetterState: Int] = [:]
    for state in LetterState.allCases { counts[state] = 0 }
    for letter in listing.letters { counts[letter.state, default: 0] += 1 }
    let held = listing.letters.filter { $0.state == .held }
    let epoch = try records.read { tx in try tx.loadManifest().epoch }
    return VaultStatus(
      counts: counts,
      pendingSends: held.filter { $0.releaseAt != nil }.sorted { $0.releaseAt! < $1.releaseAt! },
      dueForReview: held.filter { ($0.reviewOn ?? .distantFuture) <= now },
      deliveryProblems: listing.letters.filter { !$0.deliveryError.isEmpty },
      damaged: listing.damaged, epoch: epoch, clockAnomalies: try ClockKeeper(context).clockAnomalies(),
      sentElsewhere: try recentlySentElsewhere(listing.letters, now: now),
      capturesSetAside: try capturesSetAside())
  }
}
