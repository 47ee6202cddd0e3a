import Foundation
import Testing

/// Every public symbol of LetterVault carries a `///` summary (DocC), so the library reads as
/// a documented API (ARCHITECTURE.md "The layers" house rule 3).
@Suite struct PublicAPIDocsTests {
  @Test func everyPublicDeclarationHasADocComment() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/LetterVault")
    let files = try #require(FileManager.default.enumerator(atPath: sources.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    #expect(files.count > 20)
    var undocumented: [String] = []
    for file in files {
      let lines = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
        .components(separatedBy: "\n")
      for (index, line) in lines.enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("public ") || trimmed.hasPrefix("open "),
          !trimmed.hasPrefix("public import")
        else { continue }
        var previous = index - 1
        while previous >= 0, lines[previous].trimmingCharacters(in: .whitespaces).hasPrefix("@") {
          previous -= 1
        }
        if previous < 0 || !lines[previous].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
          undocumented.append("\(file):\(index + 1)")
        }
      }
    }
    #expect(undocumented.isEmpty, "undocumented: \(undocumented)")
  }
}
