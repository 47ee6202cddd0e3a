/// Why the clocks letters trusts cannot be trusted at this moment (docs/COOLING-OFF.md
/// "The clock"). While there is one, nothing is released and no waiting rule takes effect;
/// writing goes on as usual.
public enum ClockDoubt: Sendable, Equatable {
  /// The process runs in a time namespace that moves the boot clock (and the monotonic one)
  /// by these offsets, in seconds.
  case timeNamespace(bootOffset: Int64, monotonicOffset: Int64)
  /// Something is mounted over a kernel file letters reads the time or the boot from.
  case kernelFileCovered(path: String)
  /// The time the process sees through its C library differs from the kernel's by this many
  /// seconds (a library loaded to fake the time, such as libfaketime).
  case fakedInProcess(difference: Double)
  /// Two of the kernel's own views of the boot (`/proc/uptime`, `btime` in `/proc/stat`)
  /// disagree with its clocks by this many seconds.
  case kernelViewsDisagree(path: String, difference: Double)
  /// The kernel's clocks or boot id could not be read.
  case unreadable
}
