import VaultRecords
#if canImport(Yams)
  import Yams
#endif

/// The YAML between a letter's `---` lines, read by a real YAML parser (Yams, over libyaml):
/// block and flow lists, single and double quoting, comments, anchors. Every value is kept
/// as the scalar text the file wrote (`2026-05-03` stays a string for ``ImportDates``, not a
/// UTC timestamp), so nothing is converted behind the reader's back.
enum FrontMatterYAML {
  /// One value: a scalar, or a list of scalars.
  enum Value: Equatable {
    case scalar(String)
    case list([String])
    /// A nested mapping, or a list holding more than scalars.
    case other
  }

  /// Keys in order with their values and file lines (Yams counts from 1; `lineOffset` is the
  /// number of file lines before the YAML).
  static func fields(_ yaml: String, lineOffset: Int) throws(ImportFailure) -> [(key: String, value: Value, line: Int)] {
    #if canImport(Yams)
      let node: Node?
      do { node = try Yams.compose(yaml: yaml) } catch {
        throw ImportFailure("the front matter is not valid YAML (\(describe(error, lineOffset: lineOffset)))")
      }
      guard let node else { return [] }
      guard let mapping = node.mapping else {
        throw ImportFailure("the front matter is not a list of “name: value” lines")
      }
      return mapping.map { pair in
        let line = (pair.key.mark?.line ?? 0) + lineOffset
        let key = pair.key.scalar?.string ?? ""
        switch pair.value {
        case .scalar(let scalar): return (key, .scalar(scalar.string), line)
        case .sequence(let sequence):
          let items = sequence.compactMap(\.scalar?.string)
          return (key, items.count == sequence.count ? .list(items) : .other, line)
        default: return (key, .other, line)
        }
      }
    #else
      throw ImportFailure("front matter cannot be read in this build (no YAML parser)")
    #endif
  }

  #if canImport(Yams)
    private static func describe(_ error: any Error, lineOffset: Int) -> String {
      switch error as? YamlError {
      case .scanner(_, let problem, let mark, _)?, .parser(_, let problem, let mark, _)?,
        .composer(_, let problem, let mark, _)?:
        "line \(mark.line + lineOffset): \(problem)"
      default: "it could not be read"
      }
    }
  #endif
}
