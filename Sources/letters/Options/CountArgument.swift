import Foundation

/// `-n N` for `list` and `search`: how many letters, newest first. A whole number from 1 up;
/// anything else is a clear error (exit 64) before the vault is opened.
enum CountArgument {
  static func parse(_ text: String?) throws -> Int? {
    guard let text else { return nil }
    guard let count = Int(text.trimmingCharacters(in: .whitespaces)), count > 0 else {
      throw CLIError.invalidArgument(
        "“\(text)” is not a number of letters; use a whole number from 1 up, like -n 10")
    }
    return count
  }
}
