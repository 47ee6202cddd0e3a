import ArgumentParser
import Foundation

/// `90s`, `5m`, `15m`, or plain seconds.
struct UnlockDuration: ExpressibleByArgument {
  let seconds: TimeInterval

  init(seconds: TimeInterval) { self.seconds = seconds }

  init?(argument: String) {
    let text = argument.lowercased().trimmingCharacters(in: .whitespaces)
    let units: [(suffix: String, factor: Double)] = [("min", 60), ("m", 60), ("s", 1), ("h", 3600)]
    for unit in units where text.hasSuffix(unit.suffix) {
      guard let value = Double(text.dropLast(unit.suffix.count)), value > 0 else { return nil }
      seconds = value * unit.factor
      return
    }
    guard let value = Double(text), value > 0 else { return nil }
    seconds = value
  }

  /// What `--help` shows as the default: the way it is typed (`5m`), not the struct.
  var defaultValueDescription: String { Self.text(seconds) }

  /// `5m`, `90s`, `1h`: the shortest of the typed forms that says exactly `seconds`.
  static func text(_ seconds: TimeInterval) -> String {
    let whole = Int(seconds)
    guard Double(whole) == seconds else { return "\(seconds)s" }
    if whole >= 3600, whole % 3600 == 0 { return "\(whole / 3600)h" }
    if whole >= 60, whole % 60 == 0 { return "\(whole / 60)m" }
    return "\(whole)s"
  }
}
