import Foundation
import LetterVault

/// Library-level timings with the key already derived (issue 6): medians of `runs` runs.
enum Suite {
  static func run(path: String, passphrase: Passphrase, runs: Int) throws {
    let vault = try Vault.open(at: path, passphrase: passphrase)
    let count = try vault.list().letters.count
    let some = try vault.list().letters[count / 2].id
    func report(_ name: String, _ seconds: Double, extra: String = "") {
      print(String(format: "%-22@ %9.2f ms %@", name as NSString, seconds * 1000, extra as NSString))
    }
    print("letters: \(count)")
    let list = try Clock.median(runs: runs) { _ = try vault.list() }
    let metaFloor = Floor.decrypt(count: count, size: 512)
    report("list (metadata)", list, extra: String(format: "floor %.2f ms, ×%.1f", metaFloor * 1000, list / metaFloor))
    let search = try Clock.median(runs: runs) { _ = try vault.search(Corpus.marker) }
    let searchNone = try Clock.median(runs: runs) { _ = try vault.search("zeppelin") }
    let bodyFloor = Floor.decrypt(count: count, size: 2048) + metaFloor
    report("search (1 % match)", search, extra: String(format: "floor %.2f ms, ×%.1f", bodyFloor * 1000, search / bodyFloor))
    report("search (no match)", searchNone, extra: String(format: "×%.1f floor", searchNone / bodyFloor))
    report("show one", try Clock.median(runs: runs) { _ = try vault.letter(some) })
    report("write one", try Clock.median(runs: runs) {
      _ = try vault.write(LetterDraft(recipient: "Dr. Hale", text: "one more letter"))
    })
    report("edit one", try Clock.median(runs: runs) {
      try vault.edit(some, body: Array("an edited text".utf8))
    })
    let bytes = try MarkdownExport.run(vault)
    report("export all (Markdown)", try Clock.median(runs: runs) { _ = try MarkdownExport.run(vault) },
      extra: String(format: "%.1f MB", Double(bytes) / 1e6))
    report("verify", try Clock.median(runs: max(1, runs / 2)) { _ = try vault.verify() })
  }
}
