/// Argon2id cost for a passphrase keyslot (FORMAT.md §4.1).
///
/// The presets are libsodium's. The cost is stored in the keyslot and authenticated, so a
/// vault opens with whatever it was created with; only creation and `passwd` choose.
public struct KDFParameters: Sendable, Equatable {
  /// Passes over memory (`opslimit`).
  public let opsLimit: UInt64
  /// Memory in bytes (`memlimit`).
  public let memLimit: UInt64

  /// libsodium INTERACTIVE: 2 passes, 64 MiB (≈ 0.08 s here).
  public static let interactive = KDFParameters(opsLimit: 2, memLimit: 64 << 20)
  /// libsodium MODERATE: 3 passes, 256 MiB (≈ 0.56 s here). The default.
  public static let moderate = KDFParameters(opsLimit: 3, memLimit: 256 << 20)
  /// libsodium SENSITIVE: 4 passes, 1 GiB (≈ 3.2 s here).
  public static let sensitive = KDFParameters(opsLimit: 4, memLimit: 1 << 30)

  /// Read-side ceiling: a keyslot asking for more is refused before any work (age's
  /// `maxWorkFactor` idea; FORMAT.md §4.1).
  package static let maximumOpsLimit: UInt64 = 32
  package static let maximumMemLimit: UInt64 = 4 << 30

  /// A deliberately cheap cost for tests and examples only: 1 pass, 8 MiB.
  /// Never offered by the command line.
  public static let testing = KDFParameters(opsLimit: 1, memLimit: 8 << 20)

  /// Creates explicit parameters.
  public init(opsLimit: UInt64, memLimit: UInt64) {
    self.opsLimit = opsLimit
    self.memLimit = memLimit
  }

  /// "interactive", "moderate", "sensitive".
  public init?(presetName: String) {
    switch presetName {
    case "interactive": self = .interactive
    case "moderate": self = .moderate
    case "sensitive": self = .sensitive
    default: return nil
    }
  }

  package var isAcceptableOnRead: Bool {
    opsLimit >= 1 && opsLimit <= Self.maximumOpsLimit && memLimit >= 8192
      && memLimit <= Self.maximumMemLimit
  }
}
