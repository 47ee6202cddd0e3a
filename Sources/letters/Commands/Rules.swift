import ArgumentParser
import Foundation
import LetterVault

struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "The cooling-off rules: periods, quiet hours, and changes still waiting.",
    discussion: """
      Stricter rules apply at once. Looser ones wait a full cooling-off period (at least \
      24 hours) and can be withdrawn meanwhile with `letters rules cancel`. No rule change \
      moves the time of a letter already waiting.
      """,
    subcommands: [Current.self, Change.self, Withdraw.self], defaultSubcommand: Current.self)

  struct Current: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show the rules.")

    @OptionGroup var options: VaultOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let rules = try options.open().rules()
      if json { return try Formatting.printJSON(RulesText.json(rules)) }
      Console.out(RulesText.render(rules))
    }
  }

  struct Change: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a rule.")

    @OptionGroup var options: VaultOptions
    @Option(help: ArgumentHelp("A period such as 90m, 24h or 3d.", valueName: "period"))
    var coolingOff: String?
    @Option(help: ArgumentHelp("A window such as 22:00-07:00, or none.", valueName: "HH:MM-HH:MM"))
    var quietHours: String?
    @Option(
      name: .customLong("for"),
      help: ArgumentHelp("Set this recipient's period.", valueName: "name"),
      completion: Completions.recipients)
    var recipient: String?

    func run() throws {
      let change = RuleChange(
        coolingOff: try coolingOff.map(DurationArgument.parse),
        quietHours: try quietHours.map(QuietHoursArgument.parse), recipient: recipient)
      let result = try options.open().changeRules(change)
      RulesText.report(result)
    }
  }

  struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "cancel", abstract: "Withdraw every rule change still waiting.")

    @OptionGroup var options: VaultOptions

    func run() throws {
      let count = try options.open().cancelPendingRules()
      Console.info(
        count == 0
          ? "no rule change was waiting; nothing changed"
          : "withdrew \(count) waiting rule change\(count == 1 ? "" : "s"); the rules stay as they are"
      )
    }
  }
}

/// How rules read on screen.
enum RulesText {
  static func render(_ rules: CoolingRules) -> String {
    var text = "Cooling-off: \(DurationArgument.describe(rules.coolingOff))\n"
    text += "Quiet hours: \(rules.quietHours) (\(rules.timeZone))\n"
    if !rules.recipients.isEmpty {
      text += "Recipients:\n"
      for recipient in rules.recipients {
        var line = "  \(recipient.name)"
        if !recipient.email.isEmpty { line += " <\(recipient.email)>" }
        line +=
          recipient.coolingOff.map { ", cooling-off \(DurationArgument.describe($0))" }
          ?? ", the default cooling-off"
        text += line + "\n"
      }
    }
    if !rules.pending.isEmpty {
      text += "Waiting to take effect (`letters rules cancel` withdraws them):\n"
      for pending in rules.pending {
        text += "  \(describe(pending.setting)) from \(Formatting.local(pending.effective))\n"
      }
    }
    return text
  }

  static func describe(_ setting: RuleSetting) -> String {
    switch setting {
    case .coolingOff(let period, let recipient?):
      "cooling-off for \(recipient): \(DurationArgument.describe(period))"
    case .coolingOff(let period, nil): "cooling-off: \(DurationArgument.describe(period))"
    case .quietHours(let hours): "quiet hours: \(hours)"
    case .recipientRemoval(let recipient): "removing \(recipient)"
    }
  }

  static func report(_ result: RuleChangeResult) {
    for setting in result.appliedNow {
      Console.info("\(describe(setting)), from now on")
    }
    for pending in result.pending {
      Console.info(
        "\(describe(pending.setting)) is looser, so it takes effect from \(RelativeTime.phrase(pending.effective)); `letters rules cancel` withdraws it"
      )
    }
  }

  static func json(_ rules: CoolingRules) -> [String: Any] {
    [
      "coolingOffSeconds": Int(rules.coolingOff), "quietHours": rules.quietHours.description,
      "timeZone": rules.timeZone,
      "recipients": rules.recipients.map(RecipientText.json),
      "pending": rules.pending.map { pending -> [String: Any] in
        var object: [String: Any] = [
          "requested": Formatting.iso(pending.requested),
          "effective": Formatting.iso(pending.effective),
        ]
        switch pending.setting {
        case .coolingOff(let period, let recipient):
          object["coolingOffSeconds"] = Int(period)
          object["recipient"] = recipient ?? NSNull()
        case .quietHours(let hours): object["quietHours"] = hours.description
        case .recipientRemoval(let recipient):
          object["recipient"] = recipient
          object["removesRecipient"] = true
        }
        return object
      },
    ]
  }
}
