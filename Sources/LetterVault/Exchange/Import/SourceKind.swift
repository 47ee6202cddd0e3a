import VaultRecords
/// What a file to import holds (FORMAT.md §19 "Import files"). Text and JSON are known by
/// their extension, because a letter in a `.txt` may well start with "From " or "To: ".
/// Everything else is judged by its content: an mbox starts with `From `, a message with a
/// header line, Apple Mail's `.emlx` with its byte count; so Thunderbird's `Drafts`, a
/// Maildir file (`1700000000.M1P2.host:2,S`) or a mislabelled `.eml` are all read as mail.
enum SourceKind: Equatable {
  case text
  case json
  /// Mail: one message or an mbox; the bytes without an `.emlx` length line.
  case mail([UInt8])

  init(_ source: ImportSource) throws(ImportFailure) {
    let name = source.name.lowercased()
    if [".txt", ".md", ".markdown", ".text"].contains(where: name.hasSuffix) {
      self = .text
      return
    }
    if name.hasSuffix(".json") {
      self = .json
      return
    }
    let bytes = source.bytes
    if Mailbox.isMailbox(bytes) || Self.startsWithHeader(bytes[...]) {
      self = .mail(bytes)
      return
    }
    // Apple Mail's .emlx: the message's length on the first line, the message, then a plist.
    if let newline = bytes.prefix(12).firstIndex(of: 0x0A), newline > 0,
      let length = Int(String(decoding: bytes[..<newline], as: UTF8.self).trimmingCharacters(in: .whitespaces)),
      length <= bytes.count - newline - 1, Self.startsWithHeader(bytes[(newline + 1)...])
    {
      self = .mail(Array(bytes[(newline + 1)..<(newline + 1 + length)]))
      return
    }
    if bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == 0x7B {
      self = .json
      return
    }
    if name.hasSuffix(".eml") || name.hasSuffix(".mbox") || name.hasSuffix(".emlx") {
      throw ImportFailure(bytes.isEmpty ? "the file is empty" : "line 1 is not a mail header (is this an email?)")
    }
    throw ImportFailure(
      "letters can import text (.txt, .md), mail (.eml, mbox, Maildir) and .json files, and this is none of them")
  }

  /// A first line like `Return-Path: <…>` or `Subject: …`: a field name of printable ASCII
  /// without spaces (RFC 5322 §2.2) and a colon. A letter saved without an extension that
  /// starts "Dear Mum:" has a space before its colon, so it is not taken for mail.
  private static func startsWithHeader(_ bytes: ArraySlice<UInt8>) -> Bool {
    let end = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    guard let colon = bytes[..<end].firstIndex(of: 0x3A), colon > bytes.startIndex,
      bytes[bytes.startIndex..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
    else { return false }
    return true
  }
}
