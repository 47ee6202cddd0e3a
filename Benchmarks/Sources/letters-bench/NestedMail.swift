import Foundation
import LetterVault

/// A message of multiparts nested inside each other until it is `bytes` long, read by the
/// importer as `letters import` reads it (docs/IMPORT.md "Speed" has the numbers).
enum NestedMail {
  static func message(bytes: Int) -> [UInt8] {
    var head = "From: me@example.org\nSubject: nested\nDate: 21 Nov 97 09:55:06 GMT\n"
    var tail = ""
    var level = 0
    while head.utf8.count + tail.utf8.count < bytes - 200 {
      head += "Content-Type: multipart/mixed; boundary=\"nest-\(level)\"\n\n--nest-\(level)\n"
      head += "Content-Type: text/html; charset=utf-8\n\n<p>level \(level)</p>\n--nest-\(level)\n"
      tail = "--nest-\(level)--\n" + tail
      level += 1
    }
    return Array((head + "Content-Type: text/plain; charset=utf-8\n\nthe letter at the bottom\n" + tail).utf8)
  }

  /// Prints the size, nesting, best time of `runs` and peak memory.
  static func run(bytes: Int, runs: Int) throws {
    let mail = message(bytes: bytes)
    let source = ImportSource(name: "nested.eml", bytes: mail, modified: Date())
    var best = Double.infinity
    for _ in 0..<runs {
      let start = Clock.now()
      let letters = try LetterImporter().read([source])
      best = min(best, Clock.now() - start)
      guard letters.first?.body == "the letter at the bottom" else { fail("nested mail read wrongly") }
    }
    print(String(format: "nested mail: %d bytes, best of %d: %.3f s, peak %.1f MiB", mail.count, runs, best, Clock.peakMiB()))
  }
}
