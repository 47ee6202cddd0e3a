/// What a merge recorded when it brought in "sent" for a letter this vault still had unsent
/// (FORMAT.md §6.1, the block after the release floor; COOLING-OFF.md "Copies and imports").
///
/// It belongs to this vault alone: a merge never carries it to another copy.
package struct SentInCopy: Equatable {
  package init(arrivedAt: Int64, wouldReleaseAt: Int64, source: String) {
    self.arrivedAt = arrivedAt
    self.wouldReleaseAt = wouldReleaseAt
    self.source = Self.clipped(source)
  }

  /// When the merge brought it in (ms, this computer's clock).
  package var arrivedAt: Int64
  /// The release time this vault had given it then (ms; 0 = no send request here).
  package var wouldReleaseAt: Int64
  /// The copy it came from, as the merge was given it.
  package var source: String

  /// The bit of the stored `sent_how` byte that says this block follows (FORMAT.md §6.1).
  package static let flag: UInt8 = 0x80

  package func write(to writer: inout ByteWriter) {
    writer.i64(arrivedAt)
    writer.i64(wouldReleaseAt)
    writer.text(source)
  }

  package init(reading reader: inout ByteReader) throws(ByteReader.Malformed) {
    arrivedAt = try reader.i64()
    wouldReleaseAt = try reader.i64()
    source = try reader.text()
  }

  /// A stored text holds at most FORMAT.md's 4096 bytes; a longer path keeps its end, the
  /// part that names the file.
  private static func clipped(_ path: String) -> String {
    var result = Substring(path)
    while result.utf8.count > FormatConstant.maximumTextByteCount { result = result.dropFirst() }
    return String(result)
  }
}
