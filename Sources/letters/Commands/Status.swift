import ArgumentParser
import LetterVault

struct Status: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Counts by state, what is due, and anything the vault wants you to know.")

  @OptionGroup var options: VaultOptions
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let vault = try options.open()
    let status = try vault.status()
    let counts = LetterState.allCases.map { "\(status.counts[$0] ?? 0) \($0)" }
    if json {
      try Pager.page(Formatting.jsonText([
        "vault": vault.path,
        "counts": Dictionary(uniqueKeysWithValues: LetterState.allCases.map { ("\($0)", status.counts[$0] ?? 0) }),
        "pendingSends": status.pendingSends.map { Formatting.json($0) },
        "dueForReview": status.dueForReview.map { Formatting.json($0) },
        "deliveryProblems": status.deliveryProblems.map { Formatting.json($0) },
        "damaged": status.damaged.map(\.text),
        "unlockedUntil": vault.unlockedFromCacheUntil.map(Formatting.iso) as Any,
        "recoveryKey": try vault.hasRecoveryKey(),
        "readOnly": vault.isReadOnly,
        "clock": status.clockAnomalies.map(ClockText.json),
        "sentElsewhere": status.sentElsewhere.map(\.json),
        "jottedSetAside": status.capturesSetAside,
      ]), paging: pager.paging)
    } else {
      var out = ""
      out.append("Vault: \(vault.path)\n")
      out.append("Letters: \(counts.joined(separator: ", "))\n")
      for letter in status.pendingSends {
        // The moment the brake itself names (clock, quiet hours), never a stored one now past.
        out.append(StatusLines.pendingSend(letter.id, try vault.sendStatus(letter.id)) + "\n")
      }
      for letter in status.dueForReview {
        out.append("Ready to look at again: \(letter.id.short)\n")
      }
      out.append(StatusLines.unlock(vault) + "\n")
      out.append("Recovery key: \(try vault.hasRecoveryKey() ? "set" : "none")\n")
      if vault.isReadOnly {
        out.append("Read-only: this file is older than one seen here (`letters verify --accept-rollback`)\n")
      }
      for letter in status.deliveryProblems {
        out.append("Delivery did not go through: \(letter.id.short) (\(letter.deliveryError))\n")
      }
      for anomaly in status.clockAnomalies { out.append("Clock: \(ClockText.line(anomaly))\n") }
      for letter in status.sentElsewhere { out.append(letter.statusLine + "\n") }
      if status.capturesSetAside > 0 { out.append(StatusLines.setAside(status.capturesSetAside) + "\n") }
      try Pager.page(out, paging: pager.paging)
    }
    if !status.damaged.isEmpty { throw VaultError.damaged(status.damaged) }
  }
}
