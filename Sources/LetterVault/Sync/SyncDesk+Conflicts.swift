import VaultRecords
import Foundation

/// Conflict copies a file-sync tool left beside the vault (ConflictCopies.swift).
extension SyncDesk {
  /// Notes the copies as a warning when the vault is opened; never refuses the open.
  func noticeConflictCopies() {
    let copies = ConflictCopies.find(besides: path)
    guard !copies.isEmpty else { return }
    unlockState.warnings.append(.conflictCopies(copies))
  }

  /// Merges one conflict copy in, checks the whole vault, and removes the copy only when
  /// both went well; on any failure the copy stays where it is.
  func mergeConflictCopy(
    _ copy: String, passphrase: Passphrase?, progress: ProgressHandler? = nil
  ) throws(VaultError) -> MergeReport {
    let report = try merge(from: copy, passphrase: passphrase, progress: progress)
    let problems = try LetterDesk(context).verify(progress: progress, phase: .verifying)
    guard problems.isEmpty else { throw .damaged(problems) }
    for suffix in ["", "-wal", "-shm", "-journal"] {
      try? FileManager.default.removeItem(atPath: copy + suffix)
    }
    unlockState.warnings.removeAll {
      if case .conflictCopies = $0 { return true }
      return false
    }
    return report
  }
}
