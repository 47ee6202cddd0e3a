import Foundation

// The build-time half of the layering rules (ARCHITECTURE.md "The layers"): the
// storage engine and the crypto library are imported only inside VaultRecords. Arguments: the
// stamp file to write, then the Swift files of one target above the record layer.
let forbidden = ["GRDB", "CSodium", "SQLite3", "GRDBSQLite"]
let arguments = CommandLine.arguments.dropFirst()
guard let stamp = arguments.first else {
  FileHandle.standardError.write(Data("usage: layer-guard STAMP FILE...\n".utf8))
  exit(2)
}

/// The module a line imports, if it is an import statement (attributes and access levels
/// such as `@_implementationOnly` or `internal` do not hide it).
func importedModule(_ line: Substring) -> String? {
  var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
  while let word = words.first, word.hasPrefix("@") || ["public", "package", "internal", "private", "fileprivate"].contains(String(word)) {
    words = words.dropFirst()
  }
  guard words.first == "import", words.count >= 2 else { return nil }
  let path = words[words.startIndex + 1]
  // `import struct GRDB.Row` names the module after the kind.
  let module = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(String(path)) && words.count >= 3
    ? words[words.startIndex + 2] : path
  return module.split(separator: ".").first.map(String.init)
}

var failed = false
for file in arguments.dropFirst() {
  guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
  for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    guard let module = importedModule(line), forbidden.contains(module) else { continue }
    // The compiler's own diagnostic format, so the build reports it at the line.
    print("\(file):\(number + 1):1: error: \(module) is imported only below the record layer (VaultRecords); reach it through RecordStore (docs/ARCHITECTURE.md \"The layers\")")
    failed = true
  }
}
if failed { exit(1) }
do {
  try "// layer-guard: no storage or crypto import above the record layer.\n".write(toFile: stamp, atomically: true, encoding: .utf8)
} catch {
  FileHandle.standardError.write(Data("layer-guard: cannot write \(stamp)\n".utf8))
  exit(1)
}
