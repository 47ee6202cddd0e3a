import VaultRecords
import Foundation

/// A short-lived place for an unlocked vault's master key, so the next commands skip
/// Argon2id (SECURITY.md §2.3; FORMAT.md §15.2). Nothing is cached unless the
/// user asks (`letters unlock`), and never for more than 15 minutes.
///
/// On Linux this is the kernel keyring of the login session: the key never touches a disk,
/// only processes that possess the session keyring can read it, and the kernel forgets it at
/// the timeout. On macOS there is no cache in this version: ``sessionKeyring()`` is nil.
///
/// While a key is cached, anyone at the unlocked computer can read every letter without the
/// passphrase: that is the price of not typing it again.
public final class KeyCache: Sendable {
  /// Five minutes.
  public static let defaultLifetime: TimeInterval = 300
  /// Fifteen minutes, the longest the vault may stay unlocked.
  public static let maximumLifetime: TimeInterval = 900
  /// How long an unlock may last: one second to ``maximumLifetime``.
  public static let lifetimes: ClosedRange<TimeInterval> = 1...maximumLifetime

  let keyring: KernelKeyring

  init(keyring: KernelKeyring) { self.keyring = keyring }

  /// The kernel keyring of this login session, or nil where there is none (macOS, or a
  /// system that blocks the keyring syscalls).
  public static func sessionKeyring() -> KeyCache? {
    KernelKeyring().map(KeyCache.init)
  }

  // MARK: - Entries (FORMAT.md §15.2)

  /// `letters:<vault_id hex>`: the key's description, which `/proc/keys` shows.
  static func description(vaultID: [UInt8]) -> String { "letters:" + Hex.encode(vaultID) }

  static let magic: [UInt8] = Array("LVKC".utf8)
  static let version: UInt8 = 1
  /// "LVKC" | u8 version | i64 expires_at (Unix ms) | master key[32].
  static let payloadByteCount = 4 + 1 + 8 + FormatConstant.keyByteCount

  /// Stores `masterKey` with its expiry. The payload is assembled in guarded memory.
  func store(masterKey: SecretBytes, vaultID: [UInt8], expiresAt: Int64, lifetime: UInt32)
    throws(VaultError)
  {
    let payload = SecretBytes(count: Self.payloadByteCount)
    payload.withUnsafeMutableBytes { out in
      var header = ByteWriter(capacity: 13)
      header.raw(Self.magic)
      header.u8(Self.version)
      header.i64(expiresAt)
      out.copyBytes(from: header.bytes)
      masterKey.withUnsafeBytes { key in
        UnsafeMutableRawBufferPointer(rebasing: out[13...]).copyMemory(from: key)
      }
    }
    _ = try keyring.add(
      description: Self.description(vaultID: vaultID), payload: payload, timeout: lifetime)
  }

  /// The cached master key and its expiry, if the kernel still holds a well-formed entry.
  func load(vaultID: [UInt8]) -> (masterKey: SecretBytes, expiresAt: Int64)? {
    guard
      let payload = keyring.read(
        description: Self.description(vaultID: vaultID), maximumLength: 64),
      payload.count == Self.payloadByteCount
    else { return nil }
    let header = payload.withUnsafeBytes { Array($0[0..<13]) }
    var reader = ByteReader(header)
    guard (try? reader.raw(4)) == Self.magic, (try? reader.u8()) == Self.version,
      let expiresAt = try? reader.i64()
    else { return nil }
    let masterKey = SecretBytes(count: FormatConstant.keyByteCount)
    masterKey.withUnsafeMutableBytes { out in
      payload.withUnsafeBytes { out.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[13...])) }
    }
    return (masterKey, expiresAt)
  }

  /// Forgets the entry. True when there was one.
  func remove(vaultID: [UInt8]) -> Bool {
    keyring.remove(description: Self.description(vaultID: vaultID))
  }
}
