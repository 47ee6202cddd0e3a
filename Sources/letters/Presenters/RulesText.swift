import ArgumentParser
import Foundation
import LetterVault

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
