import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Monotonic seconds, and this process's peak resident memory.
enum Clock {
  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// Peak resident set size in MiB (`ru_maxrss` is in KiB on Linux).
  static func peakMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
  }

  /// Median seconds of `runs` runs of `body`.
  static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
      let start = now()
      try body()
      times.append(now() - start)
    }
    return times.sorted()[times.count / 2]
  }
}
