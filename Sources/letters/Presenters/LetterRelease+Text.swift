import LetterVault

extension LetterRelease.Outcome {
  /// What happened, in one sentence without the leading "letters:".
  func sentence(_ id: LetterID) -> String {
    switch self {
    case .delivered(let receipt):
      "letter \(id.short) was delivered to \(receipt.address), \(Formatting.local(receipt.sentAt)). Its text stays as it is; notes can still be added"
    case .byHand(let sentAt):
      "letter \(id.short) is recorded as sent by hand, \(Formatting.local(sentAt)). Its text stays as it is; notes can still be added"
    }
  }
}
