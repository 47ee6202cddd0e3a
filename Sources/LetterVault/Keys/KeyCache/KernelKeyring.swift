import VaultRecords
internal import CSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Linux kernel keyring through raw `add_key`/`keyctl` syscalls (keyrings(7),
/// SECURITY.md §2.3). Keys are of type "user" and live in the session keyring; a process
/// without one (a container, a cron job, CI) gets the user-session keyring, which every
/// process of the user without a session keyring shares — so one command can leave the key
/// and the next one find it. A new anonymous session keyring is never created: it would die
/// with the process that made it.
struct KernelKeyring {
  /// `KEY_POS_VIEW | KEY_POS_READ | KEY_POS_SEARCH | KEY_POS_SETATTR`: only a possessor of
  /// the key may see, read, find or expire it; nothing for user, group or other.
  static let possessorOnly: UInt32 = 0x0100_0000 | 0x0200_0000 | 0x0800_0000 | 0x2000_0000

  /// The keyring's serial number.
  let keyring: Int

  /// Nil when there is no usable keyring (not Linux, or the syscall is blocked).
  init?() {
    let id = letters_keyring_session()
    guard id > 0 else { return nil }
    keyring = id
  }

  /// Adds `payload` under `description`, replacing any earlier key of that name, then sets
  /// its timeout and possessor-only permissions. On any failure nothing is left behind.
  func add(description: String, payload: SecretBytes, timeout seconds: UInt32) throws(VaultError)
    -> Int
  {
    _ = remove(description: description)
    var key = payload.withUnsafeBytes { bytes in
      letters_key_add(description, bytes.baseAddress, UInt(bytes.count), keyring)
    }
    if key == -Int(EACCES), unlinkExpired(description: description) {
      key = payload.withUnsafeBytes { bytes in
        letters_key_add(description, bytes.baseAddress, UInt(bytes.count), keyring)
      }
    }
    guard key > 0 else { throw .keyCacheUnavailable(Self.reason(key)) }
    // The timeout first: the permissions below keep SETATTR, but never WRITE or LINK.
    let timed = letters_key_set_timeout(key, seconds)
    let restricted = timed == 0 ? letters_key_set_permissions(key, Self.possessorOnly) : timed
    guard restricted == 0 else {
      _ = letters_key_revoke(key)
      _ = letters_key_unlink(key, keyring)
      throw .keyCacheUnavailable(Self.reason(restricted))
    }
    return key
  }

  /// The serial number of the key named `description`, if one is reachable and unexpired.
  func find(description: String) -> Int? {
    let key = letters_key_search(keyring, description)
    return key > 0 ? key : nil
  }

  /// The payload of the key named `description`, read straight into guarded memory.
  func read(description: String, maximumLength: Int) -> SecretBytes? {
    guard let key = find(description: description) else { return nil }
    let buffer = SecretBytes(count: maximumLength)
    let length = buffer.withUnsafeMutableBytes { bytes in
      letters_key_read(key, bytes.baseAddress, UInt(bytes.count))
    }
    guard length > 0, length <= maximumLength else { return nil }
    let payload = SecretBytes(count: length)
    payload.withUnsafeMutableBytes { target in
      buffer.withUnsafeBytes { source in
        target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<length]))
      }
    }
    return payload
  }

  /// Revokes (so every holder loses it at once) and unlinks the key. True if one was there.
  func remove(description: String) -> Bool {
    guard let key = find(description: description) else { return false }
    _ = letters_key_revoke(key)
    _ = letters_key_unlink(key, keyring)
    return true
  }

  /// Unlinks the expired key named `description`, which `find` no longer sees: it stays in
  /// the keyring until the kernel's garbage collector runs (`key_gc_delay`, 5 minutes), and
  /// `add_key` will not replace it (that needs WRITE, which a possessor-only key never has),
  /// so `letters unlock` right after an unlock ran out was refused. `/proc/keys` still names
  /// it, with its serial number. True if one was unlinked.
  private func unlinkExpired(description: String) -> Bool {
    guard let text = try? String(contentsOfFile: "/proc/keys", encoding: .utf8) else { return false }
    var unlinked = false
    for line in text.split(separator: "\n") {
      // Columns: id (hex), flags, usage, timeout ("expd"), permissions, uid, gid, type, description.
      let columns = line.split(separator: " ", omittingEmptySubsequences: true)
      guard columns.count >= 9, columns[3] == "expd", columns[7] == "user",
        columns[8] == description + ":" || columns[8] == description,
        let key = Int(columns[0], radix: 16)
      else { continue }
      if letters_key_unlink(key, keyring) == 0 { unlinked = true }
    }
    return unlinked
  }

  private static func reason(_ result: Int) -> String {
    "the kernel keyring refused (\(String(cString: strerror(Int32(-result)))))"
  }
}
