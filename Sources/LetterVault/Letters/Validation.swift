/// Checks on what users type, before anything is encrypted (FORMAT.md §6 caps).
enum Validation {
  struct Fields {
    let recipient: String
    let subject: String
    let tags: [String]
  }

  static func fields(recipient: String, subject: String, tags: [String]) throws(VaultError) -> Fields {
    guard recipient.utf8.count <= 512 else { throw .invalidInput("the recipient name is longer than 512 bytes") }
    guard subject.utf8.count <= 1024 else { throw .invalidInput("the subject is longer than 1024 bytes") }
    guard tags.count <= FormatConstant.maximumTagCount else {
      throw .invalidInput("a letter can have at most \(FormatConstant.maximumTagCount) tags")
    }
    for tag in tags where tag.isEmpty || tag.utf8.count > 128 {
      throw .invalidInput("a tag must be 1 to 128 bytes long")
    }
    return Fields(recipient: recipient, subject: subject, tags: tags)
  }

  /// The text must be UTF-8 and no larger than the format's cap.
  static func body(_ bytes: [UInt8]) throws(VaultError) {
    guard bytes.count <= FormatConstant.maximumBodyByteCount else {
      throw .invalidInput(
        "the letter is larger than \(FormatConstant.maximumBodyByteCount >> 20) MiB; nothing was saved")
    }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw .invalidInput(
        "the text is not valid UTF-8 (perhaps a different encoding or a binary file); nothing was saved")
    }
  }
}
