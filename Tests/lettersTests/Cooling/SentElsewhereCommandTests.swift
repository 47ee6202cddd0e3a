import Foundation
import LetterVault
import Testing

/// A copy that sent a letter this vault still holds (docs/COOLING-OFF.md "Copies and
/// imports"), through the real binary: `merge` takes it, `status` and `history` name it.
@Suite struct SentElsewhereCommandTests {
  @Test func aLetterSentOnTheOtherComputerIsTakenAndNamedInStatusAndHistory() throws {
    let cli = try CLIFixture(create: false)
    defer { cli.remove() }
    #expect(try cli.run(["init", "--kdf", "interactive", "--quiet-hours", "none"]).status == 0)
    let id = try cli.write("Dear Dr. Hale,\n")
    #expect(try cli.run(["send", id]).status == 0)
    let copy = cli.directory.appendingPathComponent("laptop.db").path
    try FileManager.default.copyItem(atPath: cli.vault, toPath: copy)
    // The other computer, its clock two days ahead, sends it: a program that links the
    // library and hands it its own clock is believed (COOLING-OFF.md "What it cannot stop").
    let laptop = try Vault.open(
      at: copy, passphrase: Passphrase(CLIFixture.passphrase),
      clock: ManualClock.past(Date().addingTimeInterval(2 * 86_400)))
    let letterID = try laptop.resolve(id)
    try laptop.release(letterID, confirming: try laptop.letter(letterID).fingerprint, how: .byHand)

    let merged = try cli.run(["merge", copy])
    #expect(merged.status == 0, "\(merged.stderr)")

    let status = try cli.run(["status"])
    #expect(status.status == 0, "\(status.stderr)")
    let line = try #require(
      status.stdout.split(separator: "\n").first { $0.hasPrefix("Sent from your other computer: ") },
      "\(status.stdout)")
    #expect(line.contains(id.prefix(8)))
    #expect(line.contains("a time this computer's clock had not reached yet"))
    #expect(line.contains("(copy \(copy), merged "))
    #expect(line.contains("; here it would have gone on "))

    let json = try cli.run(["status", "--json"])
    let object = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
    let named = try #require((object?["sentElsewhere"] as? [[String: Any]])?.first, "\(json.stdout)")
    #expect(named["id"] as? String == id)
    #expect(named["sentAheadOfThisClock"] as? Bool == true)
    #expect(named["wouldHaveGoneAt"] is String)

    let history = try cli.run(["history", id])
    #expect(history.stdout.contains("sent in another copy"), "\(history.stdout)")
    #expect(history.stdout.contains("here it would have gone on"))
    let shown = try cli.run(["show", id, "--json"])
    let letter = try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any]
    #expect(letter?["state"] as? String == "sent")
  }

  /// Old sent mail is history: a letters export that says "delivered" comes in as "sent
  /// (imported)".
  @Test func aSentLetterImportedSaysImportedNeverDelivered() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    let file = cli.directory.appendingPathComponent("old.json").path
    let export = """
      {"format": "letters-export", "version": 1, "exported": "2025-03-03T10:00:00.000+01:00",
       "letters": [{"id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "to": "Dr. Hale", "email": "",
         "subject": "", "tags": [], "state": "sent", "created": "2025-03-01T21:00:00.000+01:00",
         "updated": "2025-03-01T21:00:00.000+01:00", "lastEdited": "2025-03-01T21:00:00.000+01:00",
         "releaseAt": null, "reviewOn": null, "sentAt": "2025-03-02T09:00:00.000+01:00",
         "sentHow": "delivered", "revision": 1, "fingerprint": "0000-0000-0000", "notes": [],
         "body": "Dear Dr. Hale,\\n"}]}
      """
    try export.write(toFile: file, atomically: true, encoding: .utf8)
    let imported = try cli.run(["import", file])
    #expect(imported.status == 0, "\(imported.stderr)")
    let shown = try cli.run(["show", "0f1e2d3c", "--no-pager"])
    #expect(shown.stdout.contains("(imported)"), "\(shown.stdout)")
    #expect(!shown.stdout.contains("delivered"))
    let history = try cli.run(["history", "0f1e2d3c"])
    #expect(!history.stdout.contains("delivered"), "\(history.stdout)")
  }
}
