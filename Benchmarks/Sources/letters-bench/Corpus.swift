import Foundation

/// A deterministic corpus: the same seed gives the same letters on every machine.
///
/// ~1.5 KB letters in English-like prose, a realistic mix of recipients and tags, and a marker
/// word ("lighthouse") in exactly 1 % of them, for the search benchmark; 2 % hold "café" and
/// another 2 % "über" (non-ASCII texts, where `search` must lowercase the text), placed without
/// drawing from the generator, so every other word is as it was.
struct Corpus {
  static let recipients = ["Dr. Hale", "Mum", "Dad", "Sam", "Dr. Okafor", "Jess", "Grandma", ""]
  static let tags = ["therapy", "grief", "anger", "sorry", "thanks", "night", "unsent"]
  static let words = """
    i keep thinking about what you said on tuesday and how the room felt after the door closed \
    it is late again and the house is quiet so i am writing this instead of sleeping i wanted \
    to tell you that the week was hard but not in the way i expected there were moments when \
    everything seemed fine and then a song or a smell would bring it all back i do not know \
    if i will send this letter maybe i just need to put the words somewhere outside my head \
    you once told me that feelings are like weather and i try to remember that when the storm \
    comes in the middle of the night thank you for listening even when i could not find words
    """.split(separator: " ").map(String.init)
  static let marker = "lighthouse"

  private var state: UInt64
  /// Body length in bytes (about): 1,450 by default; larger for the memory-vs-body-size check.
  let bodyBytes: Int

  init(seed: UInt64 = 0x5EED_1E77_E125, bodyBytes: Int = 1450) {
    state = seed
    self.bodyBytes = bodyBytes
  }

  mutating func next() -> UInt64 {
    // SplitMix64: tiny, fast, and the same everywhere.
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }

  /// Letter number `index`: (recipient, subject, tags, body).
  mutating func letter(_ index: Int) -> (String, String, [String], String) {
    var body = ""
    body.reserveCapacity(bodyBytes + 150)
    let withMarker = index % 100 == 42
    let accented = index % 50 == 7 ? "café " : index % 50 == 17 ? "Über " : nil
    var count = 0
    while body.utf8.count < bodyBytes {
      if withMarker && count == 40 { body += Self.marker + " " }
      if let accented, count == 20 { body += accented }
      body += pick(Self.words)
      count += 1
      body += count % 14 == 0 ? ".\n" : " "
    }
    let subject = (0..<3).map { _ in pick(Self.words) }.joined(separator: " ")
    let tagCount = Int(next() % 3)
    let tags = Array(Set((0..<tagCount).map { _ in pick(Self.tags) })).sorted()
    return (pick(Self.recipients), subject, tags, body)
  }
}
