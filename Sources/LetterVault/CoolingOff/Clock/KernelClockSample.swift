import VaultRecords
/// Everything read from the kernel and the C library at one moment, as plain values, so
/// ``ClockTrust`` can judge them without touching the system (table-tested with fixtures).
struct KernelClockSample: Equatable {
  /// CLOCK_REALTIME and CLOCK_BOOTTIME (ns) by the system call itself; nil if it failed.
  var kernelWall: Int64?
  var kernelBoot: Int64?
  /// The same two clocks as the C library reports them to this process.
  var libcWall: Int64?
  var libcBoot: Int64?
  /// `/proc/self/timens_offsets`; nil when the kernel has no time namespaces.
  var timeNamespaceOffsets: String?
  /// `/proc/self/mountinfo`.
  var mountInfo: String?
  /// `/proc/uptime` and `/proc/stat`; nil when unreadable.
  var uptime: String?
  var stat: String?
  /// The kernel files read with ``KernelFiles/read(_:)`` that turned out not to be procfs.
  var coveredFiles: [String] = []
}
