import ArgumentParser
import Foundation
import LetterVault

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a decrypted copy of letters: text, Markdown, printable HTML, JSON or .eml.",
    discussion: """
      Letters come oldest first, like a series brought to a session. Without --output the copy \
      goes to stdout. With --output the file is created readable only by you (0600) and an \
      existing file is never replaced unless --force is given. With --format eml one letter is \
      one message; several letters make an mbox mailbox. Export never changes the vault.
      """)

  @OptionGroup var options: VaultOptions
  @Argument(
    help: "Letter ids (4 or more characters); all letters when none are given.",
    completion: Completions.letterIDs)
  var ids: [String] = []
  @Option(help: "txt, md, html, json or eml.", completion: Completions.formats) var format: String
  @Option(help: "draft, held or sent.", completion: Completions.states) var state: String?
  @Option(help: "Only letters to this recipient.", completion: Completions.recipients) var to: String?
  @Option(help: "Only letters with this tag.") var tag: String?
  @Option(help: ArgumentHelp("Only letters written on or after this date.", valueName: "date")) var since: DateArgument?
  @Option(help: ArgumentHelp("Only letters written before this date.", valueName: "date")) var until: DateArgument?
  @Option(name: [.short, .long], help: "Write to this file instead of stdout.", completion: .file())
  var output: String?
  @Flag(help: "Replace --output if it exists.") var force = false
  @Flag(help: "Leave out letters that cannot be read, export the rest, and name them (exit 65).")
  var skipDamaged = false

  func run() throws {
    guard let exportFormat = ExportFormat(rawValue: format.lowercased()) else {
      throw CLIError.invalidArgument("“\(format)” is not an export format; use txt, md, html, json or eml")
    }
    let filter = try LetterFilter(
      state: state.map(StateArgument.parse), recipient: to, tag: tag, since: since?.past().date,
      until: until?.past().endOfDay(in: .current))
    if let output, !force, FileManager.default.fileExists(atPath: output) {
      throw VaultError.outputExists(path: output)  // before the passphrase is asked
    }
    // Export never changes the vault: jotted letters wait for the next command.
    let vault = try options.open(acceptingCaptures: false)
    let letterIDs = try ids.map { try vault.resolve($0) }
    let plan = try vault.exportPlan(ids: letterIDs, filter: filter)
    guard plan.count > 0 else {
      Console.info("no letters match; nothing was exported")
      return
    }
    // Several letters in eml are a mailbox; a file called .eml would be opened as one message.
    if exportFormat == .eml, plan.count > 1, let output, output.lowercased().hasSuffix(".eml") {
      throw CLIError.invalidArgument(
        "\(plan.count) letters make a mailbox, not one message; write them to a .mbox file (-o letters.mbox), or name one letter")
    }
    // Each letter is written as it is read (docs/PERFORMANCE.md); a file appears only whole.
    let sink = try ExportSink(output: output, replacing: force)
    let stream = ExportStream(format: exportFormat, plan: plan)
    try sink.write(stream.opening())
    // Letters on a terminal's stdout would run into a progress line on the same screen.
    let showsProgress = output != nil || !Console.stdoutIsTerminal
    let leftOut = try ProgressLine.around { progress in
      try vault.export(plan, rendering: stream, skippingDamaged: skipDamaged, progress: showsProgress ? progress : nil) {
        (bytes: [UInt8]) throws(VaultError) -> Bool in
        try sink.write(bytes)
        return !sink.interrupted
      }
    }
    try sink.write(stream.closing())
    try sink.finish()
    let count = plan.count - Set(leftOut.compactMap(\.letterID)).count
    if let output {
      Console.info("exported \(count == 1 ? "1 letter" : "\(count) letters") to \(output) (readable only by you)")
      Console.info("this copy is not encrypted: printers, print spoolers and backups can read it")
    }
    // Every readable letter is out; what could not be read is named, and the exit says so.
    guard leftOut.isEmpty else { throw VaultError.damaged(leftOut) }
  }
}
