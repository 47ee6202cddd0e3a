internal import CSodium

/// One-time libsodium initialisation and the version floor of FORMAT.md §2.
package enum Sodium {
  /// `sodium_init()` is idempotent and thread-safe; Swift runs this initialiser once.
  private static let ready: Bool = {
    guard sodium_init() >= 0 else { return false }
    // 1.0.18 reports library version 10.3: the oldest we support (FORMAT.md §2).
    let major = sodium_library_version_major()
    let minor = sodium_library_version_minor()
    return major > 10 || (major == 10 && minor >= 3)
  }()

  /// Throws when libsodium cannot be initialised or is older than 1.0.18.
  package static func ensureReady() throws(CryptoError) {
    guard ready else { throw .unavailable }
  }

  /// True once libsodium is initialised; `sodium_malloc` aborts if called before.
  package static var isReady: Bool { ready }

  /// libsodium's own version string, for `letters --version` style diagnostics.
  package static var versionString: String { String(cString: sodium_version_string()) }
}
