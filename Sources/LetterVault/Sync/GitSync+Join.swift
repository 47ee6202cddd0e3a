import VaultRecords
import Foundation

/// `letters sync init REMOTE` on a computer with no vault at the path yet: the vault is
/// fetched from the remote (README "Two computers").
extension GitSync {
  /// Sets the folder up, fetches the remote's newest commit and puts its vault file in
  /// place (0600, renamed in whole). The file is opened and checked by the caller.
  func join(remote: String, vaultPath: String, driver: String) throws(VaultError) {
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw .io(path: folder, reason: "cannot create the folder")
    }
    try setUp(remote: remote, driver: driver)
    guard let commit = try fetch() else {
      throw .syncFailed(.remoteEmpty(remote: remote))
    }
    let temporary = folder + "/.letters-sync-" + UUID().uuidString
    defer { unlink(temporary) }
    try extract(commit, to: temporary)
    guard !FileManager.default.fileExists(atPath: vaultPath) else {
      throw .vaultAlreadyExists(path: vaultPath)
    }
    try VaultError.translating(path: vaultPath) { try VaultDatabase.promote(temporary, to: vaultPath) }
    try advance(to: commit)
    try setMark(.init(commit: commit, epoch: nil))
  }
}
