import LetterVault

extension ImportProblem {
  /// "notes.md: the front matter has no closing ---".
  var text: String { "\(file): \(reason)\(invalid?.text ?? "")" }
}
