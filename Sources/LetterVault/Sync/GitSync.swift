import VaultRecords
import Foundation

/// The git repository in the vault's folder that carries the encrypted vault between
/// computers (README "Two computers"; FORMAT.md §16 "Sync through git"). It holds one
/// file, the vault, and never the device state, locks, WAL or SHM files, the key cache or
/// conflict copies. Commits are built with git's plumbing from a consistent copy of the
/// vault, so the live file is never read by git while letters writes it, and git never
/// writes the live file: what the remote brings is merged in by letters itself.
struct GitSync {
  static let branch = "refs/heads/main"
  static let remoteBranch = "refs/remotes/origin/main"
  /// The only commit message: it says nothing about the letters (SECURITY.md §2.9).
  static let message = "letters sync"

  let git: GitRunner
  /// The vault file's name inside the folder.
  let fileName: String
  var folder: String { git.folder }

  init(vaultPath: String, environment: [String: String]) throws(VaultError) {
    let url = URL(fileURLWithPath: vaultPath).standardizedFileURL
    fileName = url.lastPathComponent
    git = try GitRunner(folder: url.deletingLastPathComponent().path, environment: environment)
  }

  // MARK: - Setting up

  /// True when the folder holds a repository set up by `letters sync init` for this file.
  var isSetUp: Bool {
    FileManager.default.fileExists(atPath: folder + "/.git")
      && git.run(["config", "--get", "letters.vault"]).text == fileName
  }

  /// The remote's address as git has it, for messages.
  var remote: String { git.run(["config", "--get", "remote.origin.url"]).text }

  /// Makes the folder a repository for the vault file alone, with `remote` as origin and
  /// the merge driver (`driver`, the letters binary) for the vault file.
  func setUp(remote: String, driver: String) throws(VaultError) {
    if !FileManager.default.fileExists(atPath: folder + "/.git") {
      try git.check(["init", "--quiet", "--initial-branch=main"])
    }
    try git.check(["config", "letters.vault", fileName])
    if git.run(["config", "--get", "remote.origin.url"]).status == 0 {
      try git.check(["remote", "set-url", "origin", remote])
    } else {
      try git.check(["remote", "add", "origin", remote])
    }
    try git.check(["config", "merge.letters.name", "letters: merge two copies of a vault"])
    try git.check([
      "config", "merge.letters.driver", Self.quoted(driver) + " sync merge-driver %O %A %B",
    ])
    try write(ignoreFile, to: ".gitignore")
    try write(attributesFile, to: ".gitattributes")
  }

  /// Everything is ignored but the vault and these two files (FORMAT.md §16).
  var ignoreFile: String {
    """
    # letters sync: only the encrypted vault travels (device state, locks, -wal, -shm, the
    # key cache and conflict copies stay on this computer)
    *
    !/.gitignore
    !/.gitattributes
    !/\(fileName)

    """
  }

  var attributesFile: String { "/\(fileName) -text -diff merge=letters\n" }

  private func write(_ text: String, to name: String) throws(VaultError) {
    let path = folder + "/" + name
    do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
      throw .io(path: path, reason: "cannot write it")
    }
  }

  private static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  // MARK: - The remote

  /// Fetches the remote's branch; its commit, or nil when the remote holds none yet.
  func fetch() throws(VaultError) -> String? {
    let remote = self.remote
    let listed = try git.check(
      ["ls-remote", "origin", Self.branch], failure: { .remoteFailed(remote: remote, detail: $0) })
    guard !listed.isEmpty else { return nil }
    try git.check(
      ["fetch", "--quiet", "--no-tags", "origin", "+\(Self.branch):\(Self.remoteBranch)"],
      failure: { .remoteFailed(remote: remote, detail: $0) })
    return git.commit(Self.remoteBranch)
  }

  /// Pushes `commit` as the remote's branch. False when the remote moved meanwhile (another
  /// computer pushed first); any other failure throws.
  func push(_ commit: String, force: Bool = false) throws(VaultError) -> Bool {
    let result = git.run(
      ["push", "--quiet", "--porcelain"] + (force ? ["--force"] : [])
        + ["origin", "\(commit):\(Self.branch)"])
    if result.status == 0 {
      _ = git.run(["update-ref", Self.remoteBranch, commit])
      return true
    }
    let said = result.text + " " + result.errors
    if ["rejected", "fetch first", "non-fast-forward", "lock"].contains(where: said.contains) {
      return false
    }
    throw .syncFailed(.remoteFailed(remote: remote, detail: result.errors))
  }

  /// Writes the vault file of `commit` to `path` (a new file, 0600).
  func extract(_ commit: String, to path: String) throws(VaultError) {
    let object = "\(commit):\(fileName)"
    guard git.run(["cat-file", "-e", object]).status == 0 else {
      throw .syncFailed(.remoteHasNoVault(remote: remote, file: fileName))
    }
    try VaultError.translating(path: path) { try FileSafety.createExclusive(path) }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw .io(path: path, reason: "cannot write it")
    }
    let result = git.run(["cat-file", "blob", object], to: handle)
    try? handle.synchronize()
    try? handle.close()
    guard result.status == 0 else { throw .syncFailed(.gitFailed(detail: result.errors)) }
  }

  // MARK: - Local history

  /// A commit of `copy` (a consistent copy of the vault) with the two side files.
  func commit(copy: String, parents: [String]) throws(VaultError) -> String {
    let vault = try git.check(["hash-object", "-w", "--no-filters", copy])
    let ignore = try git.check(
      ["hash-object", "-w", "--stdin"], input: Data(ignoreFile.utf8))
    let attributes = try git.check(
      ["hash-object", "-w", "--stdin"], input: Data(attributesFile.utf8))
    let listing = [
      "100644 blob \(attributes)\t.gitattributes", "100644 blob \(ignore)\t.gitignore",
      "100644 blob \(vault)\t\(fileName)",
    ].sorted { $0.split(separator: "\t")[1] < $1.split(separator: "\t")[1] }
    let tree = try git.check(["mktree"], input: Data((listing.joined(separator: "\n") + "\n").utf8))
    let who = [
      "GIT_AUTHOR_NAME": "letters", "GIT_AUTHOR_EMAIL": "letters@localhost",
      "GIT_COMMITTER_NAME": "letters", "GIT_COMMITTER_EMAIL": "letters@localhost",
    ]
    return try git.check(
      ["commit-tree", tree] + parents.flatMap { ["-p", $0] } + ["-m", Self.message], adding: who)
  }

  /// Moves the local branch (and git's index, so `git status` reads sensibly) to `commit`.
  func advance(to commit: String) throws(VaultError) {
    try git.check(["update-ref", Self.branch, commit])
    try git.check(["read-tree", commit])
  }

  /// Drops every commit no branch reaches: old copies of the vault leave this repository.
  func dropUnreachable() {
    _ = git.run(["reflog", "expire", "--expire=now", "--all"])
    _ = git.run(["gc", "--quiet", "--prune=now"])
  }

  // MARK: - What this computer last committed

  /// The commit this computer last made or took, and the vault's write counter then; nil
  /// epoch right after the vault was fetched from the remote (FORMAT.md §16).
  struct Mark: Equatable {
    let commit: String
    let epoch: UInt64?
  }

  private var markPath: String { folder + "/.git/letters-sync" }

  func mark() -> Mark? {
    guard let text = try? String(contentsOfFile: markPath, encoding: .utf8) else { return nil }
    let parts = text.split(whereSeparator: \.isWhitespace)
    guard parts.count == 2 else { return nil }
    return Mark(commit: String(parts[0]), epoch: UInt64(parts[1]))
  }

  func setMark(_ mark: Mark) throws(VaultError) {
    let text = "\(mark.commit) \(mark.epoch.map(String.init) ?? "-")\n"
    do { try text.write(toFile: markPath, atomically: true, encoding: .utf8) } catch {
      throw .io(path: markPath, reason: "cannot write it")
    }
  }
}
