import ArgumentParser
import LetterVault

struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Revisions, state changes and notes of a letter.")

  @OptionGroup var options: VaultOptions
  @Argument(help: "The letter's id.", completion: Completions.letterIDs) var id: String
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let vault = try options.open()
    let letterID = try vault.resolve(id)
    let entries = try vault.history(letterID)
    let notes = try vault.notes(letterID)
    if json {
      try Pager.page(Formatting.jsonText([
        "id": letterID.description,
        "events": entries.map { entry -> [String: Any] in
          var object: [String: Any] = [
            "kind": entry.kind.description, "date": Formatting.iso(entry.date),
            "revision": entry.revision, "detail": entry.detail,
          ]
          if let elsewhere = entry.sentElsewhere { object["sentElsewhere"] = elsewhere.json }
          return object
        },
        "notes": notes.map { ["date": Formatting.iso($0.date), "text": $0.text] as [String: Any] },
      ]), paging: pager.paging)
      return
    }
    var out = ""
    for entry in entries {
      var line = "\(Formatting.local(entry.date))  \(entry.kind)  (revision \(entry.revision))"
      if !entry.detail.isEmpty { line += "  \(entry.detail)" }
      if let elsewhere = entry.sentElsewhere { line += "  \(elsewhere.facts)" }
      out += line + "\n"
    }
    for note in notes {
      out += "\nNote, \(Formatting.local(note.date)):\n\(note.text)\n"
    }
    try Pager.page(out, paging: pager.paging)
  }
}
