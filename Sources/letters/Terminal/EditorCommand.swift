import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The program and arguments for `$VISUAL`, else `$EDITOR`, else `vi`, on one file.
///
/// Like git, a plain "program arg…" is started directly and only a string with shell syntax
/// goes through `/bin/sh -c`: started directly, the editor is our own child, so a SIGTERM
/// passed on reaches the editor itself rather than a shell that would leave it running.
struct EditorCommand: Equatable {
  let path: String
  let arguments: [String]

  /// Characters that need a shell (git's list, less the space: we split on spaces ourselves).
  private static let shellSyntax = Set("|&;<>()$`\\\"'\t\n*?[#~=%")

  static func resolve(
    file: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> EditorCommand {
    let text =
      [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
      .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
    let words = text.split(separator: " ").map(String.init)
    guard let program = words.first else { throw CLIError.editorNotFound(text) }
    if text.contains(where: shellSyntax.contains) {
      let flags = privacyFlags(for: which(program, environment) ?? program)
      return EditorCommand(
        path: "/bin/sh", arguments: ["-c", text + " \"$@\"", "editor"] + flags + [file])
    }
    guard let path = which(program, environment) else { throw CLIError.editorNotFound(program) }
    return EditorCommand(path: path, arguments: Array(words.dropFirst()) + privacyFlags(for: path) + [file])
  }

  /// Flags that keep an editor from writing the text anywhere else. Chosen by the program a
  /// name finally points to (Debian's `vi` is vim through /etc/alternatives, or may be nvi,
  /// which knows none of vim's flags).
  static func privacyFlags(for path: String) -> [String] {
    let program = realProgram(path)
    let settings = "set noswapfile noundofile nobackup nowritebackup noshelltemp history=0 nomodeline"
    if program.hasPrefix("nvim") { return ["-n", "-i", "NONE", "--cmd", settings + " shada="] }
    if program.hasPrefix("vim") || program.hasPrefix("gvim") {
      // No swap (.letter.txt.swp), undo, backup (letter.txt~) or viminfo file.
      return ["-n", "-i", "NONE", "--cmd", settings + " viminfo="]
    }
    // Restricted mode: no history or position files, no backups, no writing other files.
    if program == "nano" || program == "rnano" { return ["--restricted"] }
    return []
  }

  /// The last name `path` resolves to, following every symbolic link.
  private static func realProgram(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return (path as NSString).lastPathComponent }
    defer { free(resolved) }
    return (String(cString: resolved) as NSString).lastPathComponent
  }

  /// `program` found on `PATH` (or as given when it holds a slash).
  static func which(_ program: String, _ environment: [String: String]) -> String? {
    if program.contains("/") { return access(program, X_OK) == 0 ? program : nil }
    let path = environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/\(program)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }
}
