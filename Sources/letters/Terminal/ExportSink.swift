import Foundation
import LetterVault

/// Where `export` writes as it reads (docs/PERFORMANCE.md): stdout through a 256 KiB buffer
/// (made visible on a terminal, letter by letter), or an ``ExportFile`` that only appears
/// whole. A file not finished is removed: after an error, and after a signal, which waits
/// for that (SignalCleanup.swift) while the file exists.
final class ExportSink {
  private let file: ExportFile?
  private var buffer: [UInt8] = []

  init(output: String?, replacing: Bool) throws {
    file = try output.map { path throws(VaultError) in try ExportFile(path: path, replacing: replacing) }
    if file != nil { SignalCleanup.deferExit(true) }
  }

  deinit {
    if let file {
      file.discard()
      SignalCleanup.deferExit(false)
    }
  }

  /// Whether a signal came and the export should stop (the file is then removed).
  var interrupted: Bool { SignalCleanup.hasPending }

  func write(_ bytes: [UInt8]) throws(VaultError) {
    if let file { return try file.append(bytes) }
    buffer += bytes
    if buffer.count >= 1 << 18 { flush() }
  }

  /// Moves the file into place, or writes out what stdout's buffer holds; then honours a
  /// signal that came meanwhile (the file removed first).
  func finish() throws {
    guard let file else { return flush() }
    if interrupted {
      file.discard()
      SignalCleanup.deferExit(false)
      try SignalCleanup.honourPending()
    }
    try file.finish()
  }

  private func flush() {
    Console.out(letterBytes: buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}
