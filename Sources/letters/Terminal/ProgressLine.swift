import Foundation
import LetterVault

/// One line on stderr that says how far long work has come ("Checking letters… 4,000 of
/// 10,000"), redrawn in place and wiped before the command's own message.
///
/// The rules (README "Progress"): only when stderr is a terminal and never with `--quiet`;
/// only for work over at least ``minimumLetters`` letters, because smaller work is done before
/// a line could be read (a count, not a timer, so what appears does not depend on the
/// machine's speed); redrawn at most ten times a second; no escape sequences (the line is
/// wiped with spaces), so any terminal shows it cleanly.
final class ProgressLine {
  /// Work on fewer letters than this shows no line.
  static let minimumLetters = 200
  /// The shortest time between two redraws.
  static let redrawInterval: TimeInterval = 0.1

  private let enabled: Bool
  private var lastDraw: TimeInterval = -.infinity
  private var lastPhase: VaultProgress.Phase?
  private var drawnWidth = 0

  init(enabled: Bool = Console.showsProgress) { self.enabled = enabled }

  /// The closure to hand to the library (called on this thread).
  var handler: ProgressHandler { { [self] progress in update(progress) } }

  func update(_ progress: VaultProgress) {
    guard enabled, progress.total >= Self.minimumLetters else { return }
    let now = ProcessInfo.processInfo.systemUptime
    // A new phase and its end are shown at once; in between, at most every tenth of a second
    // (the end stays up while the next step runs, e.g. merge reading the copy it checked).
    guard
      progress.phase != lastPhase || progress.done == progress.total
        || now - lastDraw >= Self.redrawInterval
    else { return }
    lastDraw = now
    lastPhase = progress.phase
    let text =
      "\(Self.words(progress.phase)) \(Self.grouped(progress.done)) of \(Self.grouped(progress.total))"
    let padding = String(repeating: " ", count: max(0, drawnWidth - text.count))
    Console.transient("\r" + text + padding)
    drawnWidth = text.count
  }

  /// Wipes the line, so the next message starts on a clean one. Safe to call when nothing
  /// was drawn.
  func finish() {
    guard drawnWidth > 0 else { return }
    Console.transient("\r" + String(repeating: " ", count: drawnWidth) + "\r")
    drawnWidth = 0
  }

  /// Runs `body` with a handler and wipes the line afterwards, also when `body` throws.
  static func around<T>(_ body: (@escaping ProgressHandler) throws -> T) rethrows -> T {
    let line = ProgressLine()
    defer { line.finish() }
    return try body(line.handler)
  }

  static func words(_ phase: VaultProgress.Phase) -> String {
    switch phase {
    case .importing: "Bringing letters in…"
    case .exporting: "Reading letters…"
    case .verifying: "Checking letters…"
    case .checkingCopy: "Checking the other copy…"
    case .merging: "Comparing letters…"
    case .rekeying: "Sealing letters under the new key…"
    }
  }

  /// 10000 → "10,000".
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }
}
