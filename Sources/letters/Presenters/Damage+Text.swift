import LetterVault

/// Damage in words: "letter 3f9ac1d2, text revision 4: stored data was changed or is damaged".
extension Damage {
  var text: String {
    let place = copy.map { "\(part.text) (in \($0))" } ?? part.text
    if let letterID { return "letter \(letterID.prefix(8)), \(place): \(reason)" }
    return "\(place): \(reason)"
  }
}

extension Damage.Part {
  var text: String {
    switch self {
    case .vaultFile: "vault file"
    case .index: "index"
    case .settings: "settings"
    case .keySlot: "key slot"
    case .captureKey: "capture key"
    case .jottedText: "jotted text"
    case .backup: "backup"
    case .letter: "letter"
    case .metadata: "metadata"
    case .text(let revision?): "text revision \(revision)"
    case .text(nil): "text"
    case .note(let number): "note \(number)"
    case .listing: "listing"
    case .textIndex: "text index"
    case .wordList: "word list"
    case .unknownRecord(let kind): "record kind \(kind)"
    case .schemaObject(let type, let name): "\(type) “\(name)” in the vault file"
    }
  }
}
