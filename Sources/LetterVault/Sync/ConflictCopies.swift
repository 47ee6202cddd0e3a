import VaultRecords
import Foundation

/// Copies of the vault that a file-sync tool left beside it when two computers changed the
/// file at once (README "Two computers"): Syncthing's `vault.sync-conflict-20260501-221400-ABCDEFG.db`,
/// Dropbox's `vault (conflicted copy 2026-05-01).db` and `vault (Sam's conflicted copy
/// 2026-05-01).db`, Nextcloud's `vault (conflict 2026-05-01 221400).db` and
/// `vault_conflict-20260501-221400.db`. Each is a whole vault file; `merge --conflicts`
/// brings it in.
enum ConflictCopies {
  /// The conflict copies in the vault's folder, by full path, sorted.
  static func find(besides vaultPath: String) -> [String] {
    let url = URL(fileURLWithPath: vaultPath).standardizedFileURL
    let folder = url.deletingLastPathComponent().path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { isCopy($0, of: url.lastPathComponent) }.sorted().map {
      folder + "/" + $0
    }.filter { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }
  }

  /// True when `name` is a sync tool's conflict copy of the file called `fileName`.
  static func isCopy(_ name: String, of fileName: String) -> Bool {
    let dot = fileName.lastIndex(of: ".")
    let stem = dot.map { String(fileName[..<$0]) } ?? fileName
    let suffix = dot.map { String(fileName[$0...]) } ?? ""
    guard name != fileName, name.hasPrefix(stem), name.hasSuffix(suffix),
      name.count > stem.count + suffix.count
    else { return false }
    let middle = String(name.dropFirst(stem.count).dropLast(suffix.count))
    if middle.hasPrefix(".sync-conflict-") || middle.hasPrefix("_conflict-") { return true }
    // Dropbox and Nextcloud: " (… conflicted copy …)" or " (conflict …)".
    return middle.hasPrefix(" (") && middle.hasSuffix(")") && middle.contains("conflict")
  }
}
