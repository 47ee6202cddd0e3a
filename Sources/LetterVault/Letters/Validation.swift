import VaultRecords
/// Checks on what users type, before anything is encrypted (FORMAT.md §6 caps).
package enum Validation {
  package struct Fields {
    package let recipient: String
    package let subject: String
    package let tags: [String]
  }

  package static func fields(recipient: String, subject: String, tags: [String]) throws(VaultError) -> Fields {
    guard recipient.utf8.count <= 512 else { throw .invalidInput(.recipientTooLong) }
    guard subject.utf8.count <= 1024 else { throw .invalidInput(.subjectTooLong) }
    guard tags.count <= FormatConstant.maximumTagCount else {
      throw .invalidInput(.tooManyTags(maximum: FormatConstant.maximumTagCount))
    }
    for tag in tags where tag.isEmpty || tag.utf8.count > 128 {
      throw .invalidInput(.tagLength)
    }
    return Fields(recipient: recipient, subject: subject, tags: tags)
  }

  /// The text must be UTF-8 and no larger than the format's cap.
  package static func body(_ bytes: [UInt8]) throws(VaultError) {
    guard bytes.count <= FormatConstant.maximumBodyByteCount else {
      throw .invalidInput(.textTooLong(maximumBytes: FormatConstant.maximumBodyByteCount))
    }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw .invalidInput(.textNotUTF8)
    }
  }
}
