import CSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Start-up hygiene before any secret is read (FORMAT.md §12, SECURITY.md §2.8).
enum ProcessHardening {
  static func apply() {
    // Files we create (vault, journal, exports) are private by default.
    umask(0o077)
    // No core dumps: RLIMIT_CORE alone does not stop dumps piped to systemd-coredump, but
    // PR_SET_DUMPABLE does, and it also blocks same-user ptrace attach.
    var none = rlimit(rlim_cur: 0, rlim_max: 0)
    setrlimit(Int32(RLIMIT_CORE.rawValue), &none)
    _ = letters_set_nondumpable()
    SignalCleanup.install()
  }
}
