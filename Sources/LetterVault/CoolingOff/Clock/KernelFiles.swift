import VaultRecords
internal import CSystem

/// Reads the kernel's files only when they really are procfs: a regular file mounted over
/// `/proc/sys/kernel/random/boot_id` is noticed here even when mountinfo says nothing.
enum KernelFiles {
  enum Outcome: Equatable {
    case text(String)
    /// Opened, but not procfs: something is mounted over it.
    case covered
    case unreadable
  }

  static func read(_ path: String, limit: Int = 1 << 16) -> Outcome {
    var buffer = [UInt8](repeating: 0, count: limit)
    let count = buffer.withUnsafeMutableBytes {
      letters_read_proc_file(path, $0.baseAddress, UInt($0.count))
    }
    if count == -18 { return .covered }  // EXDEV
    guard count >= 0 else { return .unreadable }
    return .text(String(decoding: buffer[..<Int(count)], as: UTF8.self))
  }
}
