import VaultRecords
/// Why `letters sync` could not finish (README "Two computers"). Facts only: the command
/// line words them. None holds letter text, names or key material; `detail` is git's own
/// last line of complaint, which names at most the remote.
public enum SyncProblem: Equatable, Sendable {
  /// No `git` program was found on the PATH.
  case gitMissing
  /// The vault's folder is not set up for sync (`letters sync init REMOTE` first).
  case notSetUp(folder: String)
  /// Fetching from or pushing to the remote failed (unreachable, refused, no such repository).
  case remoteFailed(remote: String, detail: String)
  /// The remote holds no vault yet, and there is none here to send it.
  case remoteEmpty(remote: String)
  /// The remote's newest commit has no vault file of this name.
  case remoteHasNoVault(remote: String, file: String)
  /// Another computer pushed at the same moment, more than once in a row.
  case remoteMoved
  /// A git command run on the local repository failed.
  case gitFailed(detail: String)
}
