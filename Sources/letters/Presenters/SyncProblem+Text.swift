import LetterVault

/// Words and exit codes for what stopped `letters sync` (README "Two computers").
extension SyncProblem {
  var text: String {
    switch self {
    case .gitMissing: "sync needs git, and no git program was found"
    case .notSetUp(let folder): "the vault's folder (\(folder)) is not set up for sync yet"
    case .remoteFailed(let remote, let detail):
      "could not reach \(remote)" + (detail.isEmpty ? "" : " (git said: \(detail))")
        + "; nothing was changed here"
    case .remoteEmpty(let remote): "\(remote) holds no vault yet, and there is none here to send"
    case .remoteHasNoVault(let remote, let file): "\(remote) has no file called \(file)"
    case .remoteMoved:
      "another computer was syncing at the same moment; your letters are safe here"
    case .gitFailed(let detail): "git could not finish (\(detail)); your letters are safe here"
    }
  }

  var hint: String? {
    switch self {
    case .gitMissing: "install git (`sudo apt-get install git`), then try again"
    case .notSetUp: "`letters sync init REMOTE` sets it up, for example with a bare repository on a USB stick"
    case .remoteFailed: "check the address and that the other disk or server is there, then `letters sync` again"
    case .remoteEmpty: "run `letters sync init REMOTE` on the computer that has the vault first"
    case .remoteHasNoVault: "name the vault file the way the other computer does, with --vault"
    case .remoteMoved: "run `letters sync` again in a moment"
    case .gitFailed: nil
    }
  }

  var exitCode: Int32 {
    switch self {
    case .gitMissing, .notSetUp: 69
    case .remoteFailed, .gitFailed: 74
    case .remoteEmpty, .remoteHasNoVault: 66
    case .remoteMoved: 75
    }
  }
}
