import VaultRecords
import Foundation

/// Judges one ``KernelClockSample``: may the brake believe these clocks now?
/// (docs/COOLING-OFF.md "The clock"; SECURITY.md §6.3.)
///
/// The brake reads its clocks by the system call itself, so a library loaded into the process
/// cannot move them; what it can still be shown is a time namespace (which moves the boot
/// clock for every reader) or a file mounted over the boot id. Both are refused, and so is a
/// C library that disagrees with the kernel: nobody fakes the time by accident.
enum ClockTrust {
  /// The kernel files whose content the brake relies on: a mount exactly there is a fake.
  static let watchedFiles = [
    "/proc/sys/kernel/random/boot_id", "/proc/uptime", "/proc/stat",
  ]
  /// Their folders may be mounted again in containers (read-only /proc/sys), but only as procfs.
  static let watchedFolders = ["/proc", "/proc/sys", "/proc/sys/kernel", "/proc/sys/kernel/random"]

  /// The C library may lag the system call by the time between the two reads.
  static let libcSlack: Int64 = 2_000_000_000
  /// /proc/uptime has centiseconds, btime whole seconds; both are read a moment apart.
  static let kernelViewSlack: Double = 5

  static func doubt(_ sample: KernelClockSample) -> ClockDoubt? {
    guard let wall = sample.kernelWall, let boot = sample.kernelBoot else { return .unreadable }
    if let path = sample.coveredFiles.first { return .kernelFileCovered(path: path) }
    if let offsets = sample.timeNamespaceOffsets.map(Self.offsets), offsets != (0, 0) {
      return .timeNamespace(bootOffset: offsets.boot, monotonicOffset: offsets.monotonic)
    }
    if let path = sample.mountInfo.flatMap(Self.coveredPath) {
      return .kernelFileCovered(path: path)
    }
    for (seen, kernel) in [(sample.libcWall, wall), (sample.libcBoot, boot)] {
      guard let seen else { continue }
      if abs(seen - kernel) > libcSlack {
        return .fakedInProcess(difference: Double(seen - kernel) / 1e9)
      }
    }
    if let uptime = sample.uptime.flatMap(Self.firstNumber) {
      let difference = uptime - Double(boot) / 1e9
      if abs(difference) > kernelViewSlack {
        return .kernelViewsDisagree(path: "/proc/uptime", difference: difference)
      }
    }
    if let btime = sample.stat.flatMap(Self.bootTime) {
      let difference = btime - Double(wall - boot) / 1e9
      if abs(difference) > kernelViewSlack {
        return .kernelViewsDisagree(path: "/proc/stat", difference: difference)
      }
    }
    return nil
  }

  /// `monotonic S NS` and `boottime S NS` lines (whole seconds are enough to tell).
  static func offsets(_ text: String) -> (monotonic: Int64, boot: Int64) {
    var result: (monotonic: Int64, boot: Int64) = (0, 0)
    for line in text.split(separator: "\n") {
      let fields = line.split(whereSeparator: \.isWhitespace)
      guard fields.count >= 3, let seconds = Int64(fields[1]), let nanoseconds = Int64(fields[2])
      else { continue }
      // Any nanoseconds count too: a namespace that moves the clock at all is refused.
      let value = seconds != 0 ? seconds : (nanoseconds != 0 ? 1 : 0)
      switch fields[0] {
      case "monotonic": result.monotonic = value
      case "boottime": result.boot = value
      default: continue
      }
    }
    return result
  }

  /// The first mount (mountinfo(5): field 5 the mount point, after " - " the type) that sits
  /// exactly on a watched file, or on a watched folder without being procfs.
  /// Read by bytes, and only lines that could name a watched path (every one has "/proc"; one
  /// written with escapes has a backslash) are taken apart: splitting every line was ~0.2 ms
  /// of every command, and every write reads the clocks twice (docs/PERFORMANCE.md, rounds 6–7).
  static func coveredPath(_ mountInfo: String) -> String? {
    var mountInfo = mountInfo
    return mountInfo.withUTF8 { bytes in
      var start = 0
      while start < bytes.count {
        var end = start
        var candidate = false
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
          if bytes[end] == UInt8(ascii: "\\")
            || (bytes[end] == UInt8(ascii: "/") && startsWithProc(bytes, at: end))
          {
            candidate = true
          }
          end += 1
        }
        if candidate {
          let line = Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
          if let path = coveredPath(line: line.utf8) { return path }
        }
        start = end + 1
      }
      return nil
    }
  }

  private static let proc = Array("/proc".utf8)

  private static func startsWithProc(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index + proc.count <= bytes.count else { return false }
    for offset in 0..<proc.count where bytes[index + offset] != proc[offset] { return false }
    return true
  }

  /// One mountinfo line: its mount point when that is covered, as ``coveredPath(_:)`` judges.
  static func coveredPath(line: Substring.UTF8View) -> String? {
    let space = UInt8(ascii: " ")
    let (before, after) = splitAtSeparator(line)
    let fields = before.split(separator: space)
    guard fields.count >= 5 else { return nil }
    let point = unescape(String(decoding: fields[4], as: UTF8.self))
    let type = after.map { String(decoding: $0.split(separator: space).first ?? [], as: UTF8.self) } ?? ""
    if watchedFiles.contains(point) { return point }
    if watchedFolders.contains(point), type != "proc" { return point }
    if point.hasPrefix("/proc/self") || point.hasPrefix("/proc/thread-self") { return point }
    return nil
  }

  /// A mountinfo line before its first " - " (which ends the optional fields) and after it;
  /// nil after when there is none.
  static func splitAtSeparator(_ line: Substring.UTF8View) -> (Substring.UTF8View, Substring.UTF8View?) {
    let separator = Array(" - ".utf8)
    var index = line.startIndex
    while index != line.endIndex {
      if line[index...].starts(with: separator) {
        return (line[..<index], line[line.index(index, offsetBy: 3)...])
      }
      index = line.index(after: index)
    }
    return (line, nil)
  }

  /// mountinfo writes space, tab, newline and backslash as `\040` and so on.
  static func unescape(_ text: String) -> String {
    guard text.contains("\\") else { return text }
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "\\"), utf8.count >= 3,
        let value = UInt8(String(decoding: utf8.prefix(3), as: UTF8.self), radix: 8)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(3)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func firstNumber(_ text: String) -> Double? {
    text.split(whereSeparator: \.isWhitespace).first.flatMap { Double($0) }
  }

  static func bootTime(_ stat: String) -> Double? {
    // By bytes: /proc/stat is a few KiB, and splitting it by Characters and trimming with
    // Foundation's character sets was ~0.1 ms of every command (docs/PERFORMANCE.md, round 6).
    let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    for line in stat.utf8.split(separator: UInt8(ascii: "\n")) where line.starts(with: "btime ".utf8) {
      var value = line.dropFirst(6)
      while let first = value.first, blank(first) { value = value.dropFirst() }
      while let last = value.last, blank(last) { value = value.dropLast() }
      return Double(String(decoding: value, as: UTF8.self))
    }
    return nil
  }
}
