import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The one way letters runs a program that talks to the terminal: the editor and the pager
/// (README "At the terminal", docs/FORMAT.md §12.3).
///
/// - **In the foreground.** Foundation's `Process` starts every child in a new process group;
///   the terminal then treats it as a background job, and the kernel stops an editor that
///   touches it (state `T`: `letters write` hung with vi and nano). `posix_spawn` without
///   `POSIX_SPAWN_SETPGROUP` keeps the child in our process group, which is the terminal's
///   foreground group, as git does for its editor and pager. Ctrl-C then reaches the child,
///   and Ctrl-Z, `fg` and a hang-up treat letters and the child as the one job they are.
/// - **Given back as it was.** The terminal's modes are saved before and restored after, and
///   if the child moved the terminal to another process group, it is taken back.
/// - **Ended with us.** SIGTERM and SIGHUP are passed on to the child (``SignalCleanup``);
///   once it has ended, ``SignalCleanup/honourPending()`` ends the command.
enum ForegroundProcess {
  /// Runs `path` with `arguments` and `environment`, feeding `input` on its stdin (the pager);
  /// stdout and stderr are ours. Returns the exit status (or 128 + signal).
  @discardableResult
  static func run(_ path: String, arguments: [String], environment: [String: String], input: Data)
    throws -> Int32
  {
    let (child, fd) = try spawnPiped(path, arguments, environment, childEnd: 0)
    feed(input, to: fd)
    close(fd)
    return try finish(child)
  }

  /// Runs `path` with stdin, stdout and stderr on the controlling terminal (the editor), so
  /// `letters write > id.txt` still gives the editor a screen. Without a terminal, ours.
  @discardableResult
  static func runOnTerminal(_ path: String, arguments: [String], environment: [String: String])
    throws -> Int32
  {
    let terminal = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
    defer { if terminal >= 0 { close(terminal) } }
    let child = try spawn(path, arguments, environment) { actions in
      guard terminal >= 0 else { return }
      for target: Int32 in 0...2 { posix_spawn_file_actions_adddup2(&actions, terminal, target) }
    }
    return try finish(child)
  }

  /// Runs `path` with stdin and stderr ours and returns what it wrote on stdout (the
  /// passphrase command, which may ask on the terminal itself). The caller wipes the bytes.
  static func capture(_ path: String, arguments: [String], environment: [String: String])
    throws -> (status: Int32, output: [UInt8])
  {
    let (child, fd) = try spawnPiped(path, arguments, environment, childEnd: 1)
    var output: [UInt8] = []
    output.reserveCapacity(4096)  // a passphrase fits: no reallocation leaves a copy behind
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = read(fd, &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      output.append(contentsOf: chunk[0..<count])
    }
    chunk.withUnsafeMutableBytes { $0.initializeMemory(as: UInt8.self, repeating: 0) }
    close(fd)
    return (try finish(child), output)
  }

  // MARK: - The one path

  /// The terminal as it was before the child, to give it back afterwards.
  private struct TerminalState {
    let fd: Int32
    var modes = termios()
    let hadModes: Bool
    let foreground: pid_t

    init?() {
      fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
      guard fd >= 0 else { return nil }
      hadModes = tcgetattr(fd, &modes) == 0
      foreground = tcgetpgrp(fd)
    }

    /// Modes back, and the foreground back to our group if it was ours and the child moved it.
    /// SIGTTOU is ignored meanwhile: a background process may then still set the terminal.
    mutating func restore() {
      let previous = signal(SIGTTOU, SIG_IGN)
      if foreground == getpgrp(), tcgetpgrp(fd) != foreground { tcsetpgrp(fd, foreground) }
      if hadModes { tcsetattr(fd, TCSADRAIN, &modes) }
      signal(SIGTTOU, previous)
      close(fd)
    }
  }

  /// A child that was started, with the terminal as it found it.
  private struct Running {
    let pid: pid_t
    var terminal: TerminalState?
  }

  private static func spawn(
    _ path: String, _ arguments: [String], _ environment: [String: String],
    _ wire: (inout posix_spawn_file_actions_t) -> Void
  ) throws -> Running {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    wire(&actions)
    // The child starts with default signal handling and nothing blocked: an ignored SIGPIPE
    // or our blocked SIGTERM must not be inherited through exec.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM, SIGTTOU, SIGTTIN, SIGTSTP] {
      sigaddset(&defaults, number)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var terminal = TerminalState()
    // SIGTERM and SIGHUP wait until the child is recorded, so none is lost in between.
    var blocked = sigset_t()
    sigemptyset(&blocked)
    for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&blocked, number) }
    var previousMask = sigset_t()
    pthread_sigmask(SIG_BLOCK, &blocked, &previousMask)
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    if spawned == 0 { SignalCleanup.setChild(pid) }
    pthread_sigmask(SIG_SETMASK, &previousMask, nil)
    guard spawned == 0 else {
      terminal?.restore()
      throw CLIError.cannotStart(path)
    }
    return Running(pid: pid, terminal: terminal)
  }

  /// Starts the child with one end of a new pipe as its stdin (`childEnd` 0) or stdout (1);
  /// returns it with our end. Neither end may leak into the child beyond that descriptor, or
  /// the reader never sees the end.
  private static func spawnPiped(
    _ path: String, _ arguments: [String], _ environment: [String: String], childEnd: Int32
  ) throws -> (Running, Int32) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw CLIError.cannotStart(path) }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    let theirs = fds[Int(childEnd)]
    let ours = fds[1 - Int(childEnd)]
    defer { close(theirs) }
    do {
      let child = try spawn(path, arguments, environment) { actions in
        posix_spawn_file_actions_adddup2(&actions, theirs, childEnd)
      }
      return (child, ours)
    } catch {
      close(ours)
      throw error
    }
  }

  /// Waits for the child, gives the terminal back, and ends the command if a signal came.
  private static func finish(_ child: Running) throws -> Int32 {
    var child = child
    var status: Int32 = 0
    while waitpid(child.pid, &status, 0) < 0 && errno == EINTR {}
    SignalCleanup.setChild(0)
    child.terminal?.restore()
    try SignalCleanup.honourPending()
    let signalled = status & 0x7F
    return signalled == 0 ? (status >> 8) & 0xFF : 128 + signalled
  }

  /// Writes `input` to the pager. The reader may quit before reading everything (q in the
  /// pager): a broken pipe is expected then, not a reason to die.
  private static func feed(_ input: Data, to fd: Int32) {
    let previous = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previous) }
    input.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return }
      var offset = 0
      while offset < raw.count {
        let written = write(fd, base + offset, raw.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { break }
        offset += written
      }
    }
  }
}
