import Foundation

/// Where a letter's text comes from: stdin when it is piped, else the editor.
enum BodyInput {
  /// Reads the new text. `initial` fills the editor (for `edit`).
  static func read(initial: [UInt8] = []) throws -> [UInt8] {
    let bytes =
      Console.stdinIsTerminal
      ? try EditorSession.make().edit(initial)
      : [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    // Only whitespace: nothing to keep, from stdin as from the editor.
    guard bytes.contains(where: { !(($0 == 0x20) || ($0 == 0x0A) || ($0 == 0x09) || ($0 == 0x0D)) })
    else { throw CLIError.emptyLetter }
    return bytes
  }
}
