import ArgumentParser
import LetterVault

/// The values of `--state`: draft, held or sent.
enum StateArgument {
  static func parse(_ text: String) throws -> LetterState {
    guard let state = LetterState(name: text) else {
      throw CLIError.invalidArgument("“\(text)” is not a state; use draft, held or sent")
    }
    return state
  }
}
