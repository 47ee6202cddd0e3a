import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// ``ClockTrust`` on fixture readings, as the kernel and the C library would give them in each
/// situation of issue 14; no vault, no system clock (docs/COOLING-OFF.md "The clock").
@Suite struct ClockTrustTests {
  static let wall: Int64 = 1_800_000_000 * 1_000_000_000
  static let boot: Int64 = 3_600 * 1_000_000_000
  static let zeroOffsets = "monotonic           0         0\nboottime            0         0\n"
  static let plainMounts = """
    22 27 0:21 / /proc rw,relatime - proc proc rw
    27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
    30 22 0:21 /sys /proc/sys ro,nosuid - proc proc rw
    """

  /// An ordinary process: every view agrees.
  static func honest() -> KernelClockSample {
    KernelClockSample(
      kernelWall: wall, kernelBoot: boot, libcWall: wall + 1_000, libcBoot: boot + 1_000,
      timeNamespaceOffsets: zeroOffsets, mountInfo: plainMounts, uptime: "3600.20 7000.00\n",
      stat: "cpu  1 2 3\nbtime \((wall - boot) / 1_000_000_000)\nprocesses 9\n")
  }

  @Test func anOrdinaryProcessIsBelieved() {
    #expect(ClockTrust.doubt(Self.honest()) == nil)
    var noNamespaces = Self.honest()
    noNamespaces.timeNamespaceOffsets = nil
    #expect(ClockTrust.doubt(noNamespaces) == nil)
  }

  @Test(arguments: [
    // faketime's default mode: both clocks a day and more ahead in the C library.
    (Int64(90_000), Int64(90_000), 90_000.0),
    // --exclude-monotonic: only the wall clock.
    (Int64(90_000), Int64(0), 90_000.0),
    // Set back too.
    (Int64(-3_600), Int64(0), -3_600.0),
  ])
  func aCLibraryThatDisagreesWithTheKernelIsNotBelieved(wall: Int64, boot: Int64, seen: Double) {
    var sample = Self.honest()
    sample.libcWall = Self.wall + wall * 1_000_000_000
    sample.libcBoot = Self.boot + boot * 1_000_000_000
    #expect(ClockTrust.doubt(sample) == .fakedInProcess(difference: seen))
  }

  @Test func twoSecondsOfLagBetweenTheReadsAreNotADoubt() {
    var sample = Self.honest()
    sample.libcWall = Self.wall + 1_900_000_000
    #expect(ClockTrust.doubt(sample) == nil)
  }

  @Test func aTimeNamespaceIsNotBelieved() {
    var sample = Self.honest()
    sample.timeNamespaceOffsets = "monotonic           0         0\nboottime        90000         0\n"
    #expect(ClockTrust.doubt(sample) == .timeNamespace(bootOffset: 90_000, monotonicOffset: 0))
    sample.timeNamespaceOffsets = "monotonic           0       500\nboottime            0         0\n"
    #expect(ClockTrust.doubt(sample) == .timeNamespace(bootOffset: 0, monotonicOffset: 1))
  }

  @Test(arguments: [
    "66 48 254:0 /tmp/fakeboot /proc/sys/kernel/random/boot_id rw,relatime - ext4 /dev/vda rw",
    "67 48 0:21 /sys/kernel/random/uuid /proc/sys/kernel/random/boot_id rw - proc proc rw",
    "68 48 0:50 / /proc/sys/kernel/random rw - tmpfs tmpfs rw",
    "69 48 0:51 / /proc rw - tmpfs tmpfs rw",
    "70 48 254:0 /tmp/up /proc/uptime rw - ext4 /dev/vda rw",
  ])
  func aMountOverTheBootIDOrItsFoldersIsNotBelieved(line: String) {
    var sample = Self.honest()
    sample.mountInfo = Self.plainMounts + "\n" + line + "\n"
    #expect(ClockTrust.doubt(sample) != nil)
    if case .kernelFileCovered = ClockTrust.doubt(sample) {} else { Issue.record("\(line)") }
  }

  @Test func aFileThatIsNotProcfsIsNotBelievedEvenWhenMountinfoIsSilent() {
    var sample = Self.honest()
    sample.coveredFiles = ["/proc/sys/kernel/random/boot_id"]
    #expect(
      ClockTrust.doubt(sample) == .kernelFileCovered(path: "/proc/sys/kernel/random/boot_id"))
  }

  @Test func theKernelsOtherViewsMustAgreeWithItsClocks() {
    var uptime = Self.honest()
    uptime.uptime = "93600.00 1.00\n"
    #expect(
      ClockTrust.doubt(uptime) == .kernelViewsDisagree(path: "/proc/uptime", difference: 90_000))
    var btime = Self.honest()
    btime.stat = "btime \((Self.wall - Self.boot) / 1_000_000_000 - 90_000)\n"
    #expect(
      ClockTrust.doubt(btime) == .kernelViewsDisagree(path: "/proc/stat", difference: -90_000))
  }

  @Test func clocksThatCannotBeReadAreNotBelieved() {
    var sample = Self.honest()
    sample.kernelBoot = nil
    #expect(ClockTrust.doubt(sample) == .unreadable)
  }

  @Test func mountinfoEscapesAreRead() {
    #expect(ClockTrust.unescape("/proc/sys/kernel/random/boot\\040id") == "/proc/sys/kernel/random/boot id")
  }

  /// btime is read by bytes since round 6 (docs/PERFORMANCE.md); these are the lines the
  /// Character-based reading took, and the machine's own /proc/stat.
  @Test func bootTimeIsReadFromItsOwnLineOnly() throws {
    #expect(ClockTrust.bootTime("cpu  1 2 3\nbtime 1700000000\nprocesses 9\n") == 1_700_000_000)
    #expect(ClockTrust.bootTime("btime \t 1700000000 \t\n") == 1_700_000_000)
    #expect(ClockTrust.bootTime("btime 1700000000") == 1_700_000_000)
    #expect(ClockTrust.bootTime("xbtime 5\nbtime 7\n") == 7)
    #expect(ClockTrust.bootTime("btimes 5\n") == nil)
    #expect(ClockTrust.bootTime("btime\t5\n") == nil)
    #expect(ClockTrust.bootTime("btime 17x\n") == nil)
    #expect(ClockTrust.bootTime("btime 5\r\n") == nil)
    #expect(ClockTrust.bootTime("") == nil)
    let stat = try String(contentsOfFile: "/proc/stat", encoding: .utf8)
    let seconds = try #require(ClockTrust.bootTime(stat))
    #expect(seconds > 1_000_000_000 && seconds < Date().timeIntervalSince1970)
  }

  /// mountinfo is read by bytes since round 6 (docs/PERFORMANCE.md): the same mount as the
  /// Character-based reading below found, on odd lines and on this machine's own mountinfo.
  @Test func mountinfoReadByBytesFindsWhatTheCharacterReadingFound() throws {
    func byCharacters(_ mountInfo: String) -> String? {
      for line in mountInfo.split(separator: "\n") {
        let halves = line.components(separatedBy: " - ")
        let fields = halves[0].split(separator: " ")
        guard fields.count >= 5 else { continue }
        let point = ClockTrust.unescape(String(fields[4]))
        let type = halves.count > 1 ? String(halves[1].split(separator: " ").first ?? "") : ""
        if ClockTrust.watchedFiles.contains(point) { return point }
        if ClockTrust.watchedFolders.contains(point), type != "proc" { return point }
        if point.hasPrefix("/proc/self") || point.hasPrefix("/proc/thread-self") { return point }
      }
      return nil
    }
    let lines = [
      "69 48 0:51 / /proc rw - tmpfs tmpfs rw", "69 48 0:51 / /proc rw - proc proc rw",
      "69 48 0:51 / /proc rw shared:5 master:2 - tmpfs tmpfs rw", "69 48 0:51 / /proc rw",
      "69  48 0:51 /  /proc/sys  rw -  tmpfs tmpfs", "69 48 0:51 / /proc/sys rw -", "69 48 0:51 / /proc/sys rw - ",
      "1 2 3 4 /proc/self/x - ext4", "1 2 3 4 /proc/thread-self - ext4", "1 2 3 /proc/uptime",
      "1 2 3 4 /proc/sys/kernel/random/boot\\040id rw - ext4 x", "1 2 3 4 /proc/up\\164ime rw - ext4 x",
      "1 2 3 4 /proc/sys/kernel rw - - proc", "1 2 3 4 /proc/sys/kernel rw -- proc", "1 2 3 4 /proc/stat - proc - ext4",
      "", "-", " - ", "é 2 3 4 /proc/sys/kernel/random rw - ext4 é",
      // Round 7 takes apart only lines with "/proc" or a backslash: an escaped "/proc", "/proc"
      // in another field, and a mount point that merely starts like one.
      "1 2 3 4 /pro\\143/uptime rw - ext4 x", "1 2 3 /proc /x rw - ext4 x", "1 2 3 4 /x rw - ext4 /proc/stat",
      "1 2 3 4 /processes rw - ext4 x", "1 2 3 4 /proc/uptime\r", "1 2 3 4 /proc/uptime",
    ]
    var texts = lines.map { ClockTrustTests.plainMounts + "\n" + $0 + "\n" }
    texts += lines + [try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)]
    for text in texts {
      #expect(ClockTrust.coveredPath(text) == byCharacters(text), "\(text.suffix(80))")
    }
    #expect(texts.filter { ClockTrust.coveredPath($0) != nil }.count >= 10)
  }
}
