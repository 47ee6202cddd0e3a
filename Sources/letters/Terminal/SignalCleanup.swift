import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What a signal does to letters (docs/FORMAT.md §12.1, "At the terminal" in the README).
///
/// Handlers cannot capture context, so the state they need is kept in static storage set up
/// before the risky section starts, and they do only async-signal-safe things: `kill`,
/// `alarm`, `tcsetattr`, `_exit`.
///
/// - With no child and no scratch file: the terminal is restored and letters exits at once.
/// - While a child owns the terminal (``ForegroundProcess``): SIGINT is the child's (it is
///   in our process group, so it got the same Ctrl-C and decides what it means, as git does
///   for its editor). SIGTERM and SIGHUP are passed on to the child, SIGKILL follows after
///   three seconds, and the signal is remembered: the waiting code then removes the scratch
///   folder with every side file the editor left (nano writes `letter.txt.save` as it dies),
///   and ``honourPending()`` ends the command with nothing saved.
/// - While a scratch file exists without a child (just before or after the editor): the
///   signal is only remembered, so the code that owns the file removes it first.
enum SignalCleanup {
  nonisolated(unsafe) private static var savedTerminal = termios()
  nonisolated(unsafe) private static var terminalFD: Int32 = -1
  /// The child that owns the terminal, or 0.
  nonisolated(unsafe) private static var childPID: pid_t = 0
  /// True while a scratch file exists: its owner removes it before letters exits.
  nonisolated(unsafe) private static var deferring = false
  /// The first SIGINT, SIGTERM or SIGHUP that arrived while exiting had to wait, or 0.
  nonisolated(unsafe) private static var pendingSignal: Int32 = 0

  static func install() {
    // A signal mask is inherited through exec: started by a program that blocked these (a
    // test runner's thread, through tmux), letters would never see a SIGTERM or its alarm.
    var ours = sigset_t()
    sigemptyset(&ours)
    for number in [SIGINT, SIGTERM, SIGHUP, SIGALRM] { sigaddset(&ours, number) }
    pthread_sigmask(SIG_UNBLOCK, &ours, nil)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber) { number in
        if SignalCleanup.childPID > 0 {
          if number == SIGINT { return }
          if SignalCleanup.pendingSignal == 0 { SignalCleanup.pendingSignal = number }
          kill(SignalCleanup.childPID, number)
          alarm(3)
          return
        }
        if SignalCleanup.deferring {
          if SignalCleanup.pendingSignal == 0 { SignalCleanup.pendingSignal = number }
          return
        }
        SignalCleanup.restoreTerminal()
        _exit(128 + number)
      }
    }
    // An editor that ignores SIGTERM is not allowed to keep the letter open.
    signal(SIGALRM) { _ in
      if SignalCleanup.childPID > 0 { kill(SignalCleanup.childPID, SIGKILL) }
    }
  }

  /// Restores the terminal saved by a passphrase prompt. Async-signal-safe.
  static func restoreTerminal() {
    if terminalFD >= 0 { tcsetattr(terminalFD, TCSAFLUSH, &savedTerminal) }
  }

  /// Marks the start and end of a scratch file's life.
  static func deferExit(_ on: Bool) { deferring = on }

  /// Records the child that now owns the terminal (0 when it ended). Signals must be blocked
  /// by the caller around the spawn, so none falls between the fork and this record; one
  /// that came while blocked is delivered on unblocking and reaches the child.
  static func setChild(_ pid: pid_t) {
    childPID = pid
    if pid == 0 { alarm(0) }
  }

  /// Whether a signal came while exiting had to wait (`export` then stops early).
  static var hasPending: Bool { pendingSignal != 0 }

  /// Throws when a signal came while exiting had to wait, so the command ends, nothing saved.
  static func honourPending() throws {
    let number = pendingSignal
    guard number != 0 else { return }
    throw number == SIGINT ? CLIError.interrupted : CLIError.terminated(signal: number)
  }

  static func registerTerminal(fd: Int32, saved: termios) {
    savedTerminal = saved
    terminalFD = fd
  }

  static func clearTerminal() { terminalFD = -1 }
}
