import Foundation
import LetterVault

/// Export of every letter to one Markdown file, at library level: the bulk read
/// (`Vault.letters`) plus formatting and one write, so the number includes all three.
enum MarkdownExport {
  /// Writes the export to a private temporary file, removes it, and returns its size.
  static func run(_ vault: Vault) throws -> Int {
    let formatter = ISO8601DateFormatter()
    var out = ""
    out.reserveCapacity(20_000_000)
    for letter in try vault.letters() {
      let summary = letter.summary
      out += "## \(summary.subject.isEmpty ? "Untitled" : summary.subject)\n\n"
      out += "- To: \(summary.recipient.isEmpty ? "—" : summary.recipient)\n"
      out += "- Written: \(formatter.string(from: summary.created))\n"
      if !summary.tags.isEmpty { out += "- Tags: \(summary.tags.joined(separator: ", "))\n" }
      out += "- Fingerprint: \(letter.fingerprint)\n\n\(letter.body)\n\n"
    }
    let path = NSTemporaryDirectory() + "letters-bench-export-\(getpid()).md"
    let data = Data(out.utf8)
    guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
    else { throw CocoaError(.fileWriteUnknown) }
    try FileManager.default.removeItem(atPath: path)
    return data.count
  }
}
