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
}
