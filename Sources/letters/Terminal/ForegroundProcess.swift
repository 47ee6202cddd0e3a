import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program that talks to the terminal (the pager), in this process's own process
/// group, so it is in the terminal's foreground and may read keys.
///
/// Foundation's `Process` on Linux starts every child in a new process group; the terminal
/// then treats it as a background job, and `less` reading `/dev/tty` gets SIGTTIN or EIO and
/// quits at once (checked in tmux: pgid ≠ tpgid). `posix_spawn` without
/// `POSIX_SPAWN_SETPGROUP` keeps it in the foreground, as git does for its pager.
enum ForegroundProcess {
  /// Runs `path` with `arguments` and `environment`, feeding `input` on its stdin; returns the
  /// exit status (or 128 + signal).
  @discardableResult
  static func run(_ path: String, arguments: [String], environment: [String: String], input: Data)
    throws -> Int32
  {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw CLIError.invalidArgument("cannot start \(path)") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    posix_spawn_file_actions_addclose(&actions, fds[1])
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
    close(fds[0])
    guard spawned == 0 else {
      close(fds[1])
      throw CLIError.invalidArgument("cannot start \(path)")
    }
    // The reader may quit before reading everything (q in the pager): a broken pipe is
    // expected then, not a reason to die.
    let previous = signal(SIGPIPE, SIG_IGN)
    input.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(fds[1], raw.baseAddress! + offset, raw.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { break }
        offset += written
      }
    }
    close(fds[1])
    signal(SIGPIPE, previous)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signalled = status & 0x7F
    return signalled == 0 ? (status >> 8) & 0xFF : 128 + signalled
  }
}
