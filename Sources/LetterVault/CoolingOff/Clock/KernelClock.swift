import VaultRecords
internal import CSystem

/// The kernel's clocks read by the system call itself (csystem.c), and the sample
/// ``ClockTrust`` judges (docs/COOLING-OFF.md "The clock").
enum KernelClock {
  static let realtime: Int32 = 0
  static let boottime: Int32 = 7

  /// Nanoseconds of `clock` from the kernel, past libc and any LD_PRELOAD library.
  static func kernel(_ clock: Int32) -> Int64? {
    var seconds: Int64 = 0
    var nanoseconds: Int64 = 0
    guard letters_kernel_clock(clock, &seconds, &nanoseconds) == 0 else { return nil }
    return seconds * 1_000_000_000 + nanoseconds
  }

  /// The same clock as the C library reports it to this process.
  static func libc(_ clock: Int32) -> Int64? {
    var seconds: Int64 = 0
    var nanoseconds: Int64 = 0
    guard letters_libc_clock(clock, &seconds, &nanoseconds) == 0 else { return nil }
    return seconds * 1_000_000_000 + nanoseconds
  }

  /// The boot id's 16 bytes; nil when it cannot be read or is not the kernel's file.
  static func bootID() -> [UInt8]? {
    guard case .text(let text) = KernelFiles.read("/proc/sys/kernel/random/boot_id") else {
      return nil
    }
    let hex = Array(text.filter(\.isHexDigit).utf8)
    guard hex.count == 32 else { return nil }
    return (0..<16).map {
      UInt8(String(decoding: hex[$0 * 2..<$0 * 2 + 2], as: UTF8.self), radix: 16) ?? 0
    }
  }

  /// One reading of everything ``ClockTrust`` looks at.
  static func sample() -> KernelClockSample {
    var sample = KernelClockSample()
    sample.libcWall = libc(realtime)
    sample.libcBoot = libc(boottime)
    sample.kernelWall = kernel(realtime)
    sample.kernelBoot = kernel(boottime)
    func text(_ path: String) -> String? {
      switch KernelFiles.read(path) {
      case .text(let text): return text
      case .covered:
        sample.coveredFiles.append(path)
        return nil
      case .unreadable: return nil
      }
    }
    _ = text("/proc/sys/kernel/random/boot_id")
    sample.timeNamespaceOffsets = text("/proc/self/timens_offsets")
    sample.mountInfo = text("/proc/self/mountinfo")
    sample.uptime = text("/proc/uptime")
    sample.stat = text("/proc/stat")
    return sample
  }
}
