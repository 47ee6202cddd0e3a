import ArgumentParser
import Foundation
import LetterVault

/// Letter ids and recipient names for shell completion (README "Shell completion").
///
/// swift-argument-parser runs these closures inside `letters` when the shell asks
/// (`letters ---completion show -- positional@0 …`) and prints what they return. They read
/// the vault file read-only through ``Vault/letterIDs(at:startingWith:)`` and
/// ``Vault/cachedRecipientNames(at:cache:)``: ids need no key; names only while
/// `letters unlock` keeps the key cached. They never ask, never print, never write; any
/// error means nothing is offered.
enum Completions {
  static let letterIDs = CompletionKind.custom { words, _, prefix in
    ids(vault: vaultPath(in: words), prefix: prefix)
  }

  static let recipients = CompletionKind.custom { words, _, prefix in
    names(vault: vaultPath(in: words), prefix: prefix)
  }

  /// Only people with their own entry (`recipient edit`, `recipient remove`).
  static let ruledRecipients = CompletionKind.custom { words, _, prefix in
    names(vault: vaultPath(in: words), prefix: prefix, lettersToo: false)
  }

  /// The values `--format`, `--state` and `--kdf` accept; the shell completes them itself.
  static let formats = CompletionKind.list(ExportFormat.allCases.map(\.rawValue))
  static let states = CompletionKind.list(LetterState.allCases.map(\.description))
  static let kdfCosts = CompletionKind.list(["interactive", "moderate", "sensitive"])

  /// Short ids (8 characters); the whole id where two letters share a short one or the
  /// prefix is already longer.
  static func ids(vault: String, prefix: String) -> [String] {
    let typed = unquoted(prefix).lowercased()
    guard let found = try? Vault.letterIDs(at: vault, startingWith: typed) else { return [] }
    let shorts = Dictionary(grouping: found, by: \.short)
    return found.map { id in
      typed.count > 8 || shorts[id.short, default: []].count > 1 ? id.description : id.short
    }.reduce(into: [String]()) { list, id in if list.last != id { list.append(id) } }
  }

  static func names(vault: String, prefix: String, lettersToo: Bool = true) -> [String] {
    let typed = unquoted(prefix).lowercased()
    let cache = KeyCache.sessionKeyring()
    guard let all = try? Vault.cachedRecipientNames(at: vault, cache: cache, lettersToo: lettersToo)
    else { return [] }
    return all.filter { $0.lowercased().hasPrefix(typed) }
  }

  /// The vault the command line names with `--vault PATH` or `--vault=PATH`, else the one
  /// `LETTERS_VAULT` or the default names. Shell words arrive as typed: quotes are removed
  /// and a leading `~/` is expanded, which covers what people type for a path.
  static func vaultPath(in words: [String]) -> String {
    var flag: String?
    for (index, word) in words.enumerated() {
      if word == "--vault", index + 1 < words.count {
        flag = words[index + 1]
      } else if word.hasPrefix("--vault=") {
        flag = String(word.dropFirst("--vault=".count))
      }
    }
    return VaultOptions.path(flag: flag.map(unquoted).map(expandingTilde))
  }

  static func unquoted(_ word: String) -> String {
    for quote in ["'", "\""] where word.hasPrefix(quote) {
      return String(word.dropFirst().prefix { String($0) != quote })
    }
    return word.replacingOccurrences(of: "\\ ", with: " ")
  }

  static func expandingTilde(_ path: String) -> String {
    guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else {
      return path
    }
    return home + path.dropFirst()
  }
}
