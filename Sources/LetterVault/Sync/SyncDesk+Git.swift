import VaultRecords
import Foundation

/// `letters sync`: fetch, merge what the remote brings with letters' own merge, commit a
/// consistent copy, push (README "Two computers"; FORMAT.md §16 "Sync through git").
///
/// The live vault is never replaced by what git fetched: the remote's copy is written to a
/// private file in `scratch` (a RAM-backed folder the caller gives), checked in full and
/// merged in, then removed on every path. So a damaged remote copy changes nothing here,
/// and the device watermark keeps guarding the live file (SECURITY.md §2.4).
extension SyncDesk {
  func sync(
    environment: [String: String], scratch: String, copyPassphrase: () throws -> Passphrase
  ) throws -> SyncReport {
    let repo = try GitSync(vaultPath: path, environment: environment)
    guard repo.isSetUp else { throw VaultError.syncFailed(.notSetUp(folder: repo.folder)) }
    var report = SyncReport()
    for _ in 0..<3 {
      if try syncOnce(repo, into: &report, scratch: scratch, copyPassphrase: copyPassphrase) {
        return report
      }
    }
    throw VaultError.syncFailed(.remoteMoved)
  }

  /// One round, adding what it did to `report`; false when another computer pushed first
  /// (the round is then run again).
  private func syncOnce(
    _ repo: GitSync, into report: inout SyncReport, scratch: String,
    copyPassphrase: () throws -> Passphrase
  ) throws -> Bool {
    let remote = try repo.fetch()
    let local = repo.git.commit(GitSync.branch)
    let before = try epoch()
    let mark = repo.mark()
    // Changed since this computer's last commit? Right after the vault was fetched from the
    // remote the mark has no epoch yet: the file is the commit's own.
    let changed =
      mark == nil || mark?.commit != local
      || (mark?.epoch.map { $0 != before } ?? false)
    var parents = local.map { [$0] } ?? []
    var mustCommit = changed || local == nil
    if let remote, remote != local, !(local.map { repo.git.isAncestor(remote, of: $0) } ?? false) {
      let merged = try mergeRemote(
        repo, remote, scratch: scratch, copyPassphrase: copyPassphrase)
      report.merged = report.merged.map { $0.adding(merged) } ?? merged
      // The merge is not always a plain union: this computer's rules may lengthen a pending
      // send request, so a merge that wrote anything is committed for the others to take.
      let mergeChanged = try epoch() != before
      if let local, repo.git.related(local, remote) {
        parents = repo.git.isAncestor(local, of: remote) ? [remote] : [local, remote]
        mustCommit = changed || mergeChanged || parents.count == 2
      } else {
        // No shared history: the remote was rewritten by `--forget-history` on another
        // computer (or this vault joins a remote that has one). Follow it, with this vault.
        parents = [remote]
        mustCommit = true
        report.followedRewrite = local != nil
      }
    }
    var head = local
    // The epoch the commit is known to hold: read before the copy is taken, so a write by
    // another process meanwhile is committed again next time rather than missed.
    var committedEpoch = before
    if mustCommit {
      committedEpoch = try epoch()
      head = try commitVault(repo, parents: parents)
      report.committed = true
    } else if parents.count == 1 {
      head = parents[0]
    }
    guard let head else { return true }
    if head != local { try repo.advance(to: head) }
    try repo.setMark(.init(commit: head, epoch: committedEpoch))
    if report.followedRewrite { repo.dropUnreachable() }
    if head != remote {
      guard try repo.push(head) else { return false }
      report.pushed = true
    }
    return true
  }

  /// `--forget-history`: after a normal sync, the remote and this repository keep one commit
  /// holding the vault as it is now (SECURITY.md §2.9).
  func forgetHistory(
    environment: [String: String], scratch: String, copyPassphrase: () throws -> Passphrase
  ) throws -> SyncReport {
    var report = try sync(
      environment: environment, scratch: scratch, copyPassphrase: copyPassphrase)
    let repo = try GitSync(vaultPath: path, environment: environment)
    let committedEpoch = try epoch()
    let root = try commitVault(repo, parents: [])
    try repo.advance(to: root)
    try repo.setMark(.init(commit: root, epoch: committedEpoch))
    guard try repo.push(root, force: true) else { throw VaultError.syncFailed(.remoteMoved) }
    repo.dropUnreachable()
    // A remote that is a repository on this computer (a USB stick, another disk) is cleaned too.
    let remotePath = repo.remote
    if remotePath.hasPrefix("/"), FileManager.default.fileExists(atPath: remotePath) {
      let other = try GitRunner(folder: remotePath, environment: repo.git.environment)
      _ = other.run(["reflog", "expire", "--expire=now", "--all"])
      _ = other.run(["gc", "--quiet", "--prune=now"])
    }
    report.committed = true
    report.pushed = true
    return report
  }

  // MARK: - Steps

  private func epoch() throws(VaultError) -> UInt64 {
    try records.read { tx in try tx.loadManifestEpoch() }
  }

  /// Commits a checked backup of the live vault (the live file may be mid-write or have a
  /// WAL, so git never reads it); git keeps its own copy, so the backup is removed at once.
  private func commitVault(_ repo: GitSync, parents: [String]) throws(VaultError) -> String {
    let copy = repo.folder + "/.letters-sync-" + Hex.encode(random.bytes(8))
    defer { unlink(copy) }
    try backup(to: copy)
    return try repo.commit(copy: copy, parents: parents)
  }

  private func mergeRemote(
    _ repo: GitSync, _ commit: String, scratch: String, copyPassphrase: () throws -> Passphrase
  ) throws -> MergeReport {
    let copy = scratch + "/remote-" + Hex.encode(random.bytes(8)) + ".db"
    defer {
      for suffix in ["", "-wal", "-shm", "-journal"] { unlink(copy + suffix) }
    }
    try repo.extract(commit, to: copy)
    let needsPassphrase = try Self.naming(remote: repo.remote) { () throws(VaultError) in
      try copyNeedsPassphrase(at: copy)
    }
    let passphrase = needsPassphrase ? try copyPassphrase() : nil
    return try Self.naming(remote: repo.remote) { () throws(VaultError) in
      try merge(from: copy, passphrase: passphrase, named: repo.remote)
    }
  }

  /// Damage found in the remote's copy, or another vault there, names the remote, not the
  /// private file its copy was in.
  private static func naming<T>(remote: String, _ body: () throws(VaultError) -> T)
    throws(VaultError) -> T
  {
    do { return try body() } catch {
      if case .notAllowed(.differentVault) = error {
        throw .notAllowed(.differentVault(path: remote))
      }
      guard case .damaged(let damages) = error else { throw error }
      throw .damaged(
        damages.map {
          Damage(letterID: $0.letterID, part: $0.part, reason: $0.reason, copy: remote)
        })
    }
  }
}
