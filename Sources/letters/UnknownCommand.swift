import ArgumentParser

/// A word typed where a command belongs that names none (`letters wirte`, `letters recipient
/// ad`), with the commands it was probably meant to be, the way git suggests them: those it
/// is the start of, else the nearest by Damerau–Levenshtein distance (at most 2, and less
/// than the word's length, so `x` suggests nothing).
struct UnknownCommand: Equatable {
  /// The commands before the word: `["letters", "recipient"]`.
  let group: [String]
  let word: String
  let suggestions: [String]

  /// Looks only where a command is expected: the words after `letters` down the command
  /// tree, up to the first option or the first command that has no subcommands.
  static func find(in arguments: [String], root: ParsableCommand.Type) -> UnknownCommand? {
    var command = root
    var group = [root._commandName]
    for word in arguments {
      let subcommands = command.configuration.subcommands
      // `help` is answered by the parser itself; options and leaf arguments are not ours.
      guard !word.hasPrefix("-"), word != "help", !subcommands.isEmpty else { return nil }
      guard let next = subcommands.first(where: { names(of: $0).contains(word) }) else {
        let candidates = subcommands.map { $0._commandName }
        return UnknownCommand(group: group, word: word, suggestions: suggestions(for: word, among: candidates))
      }
      command = next
      group.append(next._commandName)
    }
    return nil
  }

  private static func names(of command: ParsableCommand.Type) -> [String] {
    [command._commandName] + command.configuration.aliases
  }

  static func suggestions(for word: String, among names: [String]) -> [String] {
    let typed = word.lowercased()
    let started = names.filter { $0.hasPrefix(typed) }
    if !started.isEmpty { return started }
    let limit = min(2, typed.count - 1)
    let distances = names.map { (name: $0, distance: distance(typed, $0)) }
    guard let best = distances.map(\.distance).min(), best <= limit else { return [] }
    return distances.filter { $0.distance == best }.map(\.name)
  }

  /// Optimal string alignment: insertions, deletions, substitutions and swaps of two
  /// neighbouring characters (`wirte` → `write` is 1).
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
