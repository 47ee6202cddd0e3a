import VaultRecords
import Foundation

/// Which known recipient a typed name means (README "Writing"): the same name in any case,
/// else the one name it is the start of. A writer in a hurry types `--to dr` for "Dr Hale";
/// the cooling-off of a recipient applies only when the letter carries their exact name.
public enum RecipientMatch: Equatable, Sendable {
  /// A known name, exactly as typed or differing only in case.
  case known(String)
  /// The one known name `typed` is the start of (any case).
  case completed(String)
  /// `typed` starts several known names: the writer must say more.
  case ambiguous([String])
  /// Nobody known by that name or start: a new recipient, kept as typed.
  case new(String)

  /// Matches `typed` (trimmed) against `names`, ignoring case. An empty name stays empty.
  public static func match(_ typed: String, among names: [String]) -> RecipientMatch {
    let given = typed.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !given.isEmpty else { return .new("") }
    if names.contains(given) { return .known(given) }
    let folded = given.lowercased()
    var unique: [String] = []
    for name in names where !unique.contains(name) { unique.append(name) }
    let same = unique.filter { $0.lowercased() == folded }
    if let first = same.first { return .known(first) }
    let starting = unique.filter { $0.lowercased().hasPrefix(folded) }
    switch starting.count {
    case 0: return .new(given)
    case 1: return .completed(starting[0])
    default: return .ambiguous(starting.sorted())
    }
  }

  /// The name the letter gets, when there is one.
  public var name: String? {
    switch self {
    case .known(let name), .completed(let name), .new(let name): name
    case .ambiguous: nil
    }
  }
}
