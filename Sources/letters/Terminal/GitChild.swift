import Foundation
import LetterVault

#if canImport(Glibc)
  import Glibc
#endif

/// What `letters sync` hands git (README "Two computers"; SECURITY.md §2.9): a minimal
/// environment without letters' private variables, a private RAM-backed folder for the
/// remote's copy while it is merged, and the letters binary by absolute path for the merge
/// driver.
enum GitChild {
  /// Only what git needs to find itself, its configuration and an ssh agent.
  static let passed = [
    "PATH", "HOME", "USER", "LOGNAME", "TMPDIR", "XDG_CONFIG_HOME", "SSH_AUTH_SOCK",
    "SSH_ASKPASS", "DISPLAY", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_CONFIG_NOSYSTEM",
    "GIT_CONFIG_GLOBAL", "GIT_ASKPASS", "GNUPGHOME",
  ]

  static func environment() -> [String: String] {
    let all = ChildEnvironment.scrubbed()
    var environment = all.filter { passed.contains($0.key) }
    environment["LC_ALL"] = "C"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    // git runs outside the terminal's foreground group, so an ssh that asked for a key's
    // passphrase or a new host key would wait forever: with BatchMode it fails at once and
    // `letters sync` says the remote could not be reached (README "Two computers": use an
    // ssh agent). A user's own GIT_SSH_COMMAND or GIT_SSH is kept.
    if environment["GIT_SSH_COMMAND"] == nil && environment["GIT_SSH"] == nil {
      environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes"
    }
    if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
    return environment
  }

  /// The running letters binary, by absolute path.
  static var binary: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
  }

  /// Runs `body` with a fresh private folder in RAM, removed (files overwritten) afterwards
  /// on every path.
  static func withScratch<T>(_ body: (String) throws -> T) throws -> T {
    guard let base = ScratchDirectory.base() else { throw CLIError.noPrivateScratch }
    let template = base + "/letters-sync.\(getpid()).XXXXXXXX"
    var bytes = Array(template.utf8CString)
    guard mkdtemp(&bytes) != nil else {
      throw CLIError.invalidArgument("cannot create a private folder in \(base)")
    }
    let folder = String(cString: bytes)
    defer { ScratchFolder.destroy(folder) }
    return try body(folder)
  }

  /// The other copy's passphrase, asked only when its key differs from this vault's.
  static func copyPassphrase() throws -> Passphrase {
    try PassphraseSource.copy(prompt: "Passphrase for the copy on the other computer: ")
  }
}
