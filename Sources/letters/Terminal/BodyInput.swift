import Foundation

/// Where a letter's text comes from: stdin when it is piped, else the editor.
enum BodyInput {
  /// Reads new text alone (a note). `initial` fills the editor.
  static func read(initial: [UInt8] = []) throws -> [UInt8] {
    let bytes =
      Console.stdinIsTerminal
      ? try EditorSession.make().edit(initial)
      : [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    return try nonEmpty(bytes)
  }

  /// A letter's header and text: in the editor, below a ``LetterHeader`` filled with
  /// `header` (the flags, or the letter's own fields); from stdin, the text as it is.
  static func readLetter(_ header: LetterHeader, body initial: [UInt8] = []) throws
    -> (header: LetterHeader, body: [UInt8])
  {
    guard Console.stdinIsTerminal else {
      return (header, try nonEmpty([UInt8](FileHandle.standardInput.readDataToEndOfFile())))
    }
    let saved = try EditorSession.make().edit(header.compose(body: initial))
    let read = header.parse(saved)
    return (read.header, try nonEmpty(read.body))
  }

  /// Only whitespace: nothing to keep, from stdin as from the editor.
  private static func nonEmpty(_ bytes: [UInt8]) throws -> [UInt8] {
    guard bytes.contains(where: { !(($0 == 0x20) || ($0 == 0x0A) || ($0 == 0x09) || ($0 == 0x0D)) })
    else { throw CLIError.emptyLetter }
    return bytes
  }
}
