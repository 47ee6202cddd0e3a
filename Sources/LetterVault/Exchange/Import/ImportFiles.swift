import VaultRecords
import Foundation

/// The files behind the paths given to `letters import` (FORMAT.md §19 "Import files"): a
/// file is itself; a Maildir folder (`cur/`, `new/`) is each message in it; an Apple Mail
/// `.mbox` folder is its `mbox` file or its `.emlx` messages. Names are sorted, so the order
/// is the same on every run. Only reads; nothing is written.
public enum ImportFiles {
  /// The sources found, and a problem for each path that could not be read (missing,
  /// unreadable, a folder of another kind), so that all of them can be named at once.
  public static func load(_ paths: [String]) -> (sources: [ImportSource], problems: [ImportProblem]) {
    var sources: [ImportSource] = []
    var problems: [ImportProblem] = []
    for path in paths {
      do { sources += try load(path) } catch { problems.append(ImportProblem(file: path, reason: error.reason)) }
    }
    return (sources, problems)
  }

  static func load(_ path: String) throws(ImportFailure) -> [ImportSource] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw ImportFailure("there is no such file")
    }
    guard isFolder.boolValue else { return [try file(path)] }
    let maildir = ["cur", "new"].map { (path as NSString).appendingPathComponent($0) }.filter(isDirectory)
    if !maildir.isEmpty {
      var sources: [ImportSource] = []
      for folder in maildir {
        for entry in try entries(folder) where !isDirectory(entry) { sources.append(try file(entry)) }
      }
      return sources
    }
    let mbox = (path as NSString).appendingPathComponent("mbox")
    if FileManager.default.fileExists(atPath: mbox), !isDirectory(mbox) { return [try file(mbox)] }
    let emlx = (FileManager.default.subpaths(atPath: path) ?? []).filter { $0.hasSuffix(".emlx") }.sorted()
    var messages: [ImportSource] = []
    for name in emlx { messages.append(try file((path as NSString).appendingPathComponent(name))) }
    if !messages.isEmpty { return messages }
    throw ImportFailure(
      "this folder is neither a Maildir (with cur/ and new/) nor an Apple Mail .mbox folder; name the files in it instead")
  }

  private static func isDirectory(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
  }

  /// Visible entries of a folder, sorted by name.
  private static func entries(_ folder: String) throws(ImportFailure) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      throw ImportFailure("the folder \(folder) could not be read")
    }
    return names.filter { !$0.hasPrefix(".") }.sorted().map { (folder as NSString).appendingPathComponent($0) }
  }

  private static func file(_ path: String) throws(ImportFailure) -> ImportSource {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportFailure("the file could not be read (is it readable by you?)")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let modified = attributes?[.modificationDate] as? Date ?? Date()
    return ImportSource(name: path, bytes: [UInt8](data), modified: modified)
  }
}
