import Foundation

/// One environment variable, read with `getenv`. `ProcessInfo.environment` builds a
/// dictionary of every variable on each call (~0.2 ms the first time), and every command
/// needs only a few of them to find the vault (docs/PERFORMANCE.md, round 6).
enum Environment {
  static func value(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
