import Foundation
import Testing

/// The programs in Examples/ are built with the package; each must run and do what it says.
@Suite struct ExamplesTests {
  static func run(_ name: String) throws -> CLIResult {
    try CLI.run([], executable: CLI.binary.deletingLastPathComponent().appendingPathComponent(name).path)
  }

  @Test func quickstartWritesHoldsListsAndReads() throws {
    let result = try Self.run("quickstart")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("held Dr. Hale"))
    #expect(result.stdout.contains("Dear Dr. Hale, …"))
  }
}
