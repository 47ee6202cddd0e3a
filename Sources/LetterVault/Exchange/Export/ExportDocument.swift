import VaultRecords
/// The JSON export (`--format json`): complete, with stable field names, readable by other
/// tools and by `letters import` (FORMAT.md §19 "JSON export").
///
/// Field names follow the `--json` contract of README; dates are ISO 8601 with offset and
/// milliseconds; absent dates are `null`.
struct ExportDocument: Codable, Equatable {
  static let formatName = "letters-export"
  static let currentVersion = 1

  struct Note: Codable, Equatable {
    var date: String
    var text: String
  }

  struct Entry: Codable, Equatable {
    var id: String
    var to: String
    var email: String?
    var subject: String
    var state: String
    var tags: [String]
    var created: String
    var updated: String
    var lastEdited: String?
    var releaseAt: String?
    var reviewOn: String?
    var sentAt: String?
    var sentHow: String?
    var revision: Int
    var fingerprint: String
    var body: String
    var notes: [Note]
  }

  var format: String
  var version: Int
  var exported: String
  var letters: [Entry]

  /// Encodes explicit `null`s, so every field is always present.
  enum EntryKeys: String, CodingKey {
    case id, to, email, subject, state, tags, created, updated, lastEdited, releaseAt, reviewOn
    case sentAt, sentHow, revision, fingerprint, body, notes
  }
}

extension ExportDocument.Entry {
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: ExportDocument.EntryKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(to, forKey: .to)
    try container.encode(email ?? "", forKey: .email)
    try container.encode(subject, forKey: .subject)
    try container.encode(state, forKey: .state)
    try container.encode(tags, forKey: .tags)
    try container.encode(created, forKey: .created)
    try container.encode(updated, forKey: .updated)
    try container.encode(lastEdited, forKey: .lastEdited)
    try container.encode(releaseAt, forKey: .releaseAt)
    try container.encode(reviewOn, forKey: .reviewOn)
    try container.encode(sentAt, forKey: .sentAt)
    try container.encode(sentHow, forKey: .sentHow)
    try container.encode(revision, forKey: .revision)
    try container.encode(fingerprint, forKey: .fingerprint)
    try container.encode(body, forKey: .body)
    try container.encode(notes, forKey: .notes)
  }
}
