import ArgumentParser
import Foundation
import LetterVault

/// How recipients read on screen and in JSON.
enum RecipientText {
  /// One line of `recipient list`: name, address, period, former names.
  static func line(_ recipient: RecipientRule, defaultPeriod: TimeInterval) -> String {
    var line = recipient.name
    if !recipient.email.isEmpty { line += "  <\(recipient.email)>" }
    line += "  cooling-off \(DurationArgument.describe(recipient.coolingOff ?? defaultPeriod))"
    if recipient.coolingOff == nil { line += " (the default)" }
    if !recipient.formerNames.isEmpty {
      line += "  (was \(recipient.formerNames.joined(separator: ", ")))"
    }
    return line
  }

  static func json(_ recipient: RecipientRule) -> [String: Any] {
    [
      "name": recipient.name, "email": recipient.email,
      "coolingOffSeconds": recipient.coolingOff.map { Int($0) as Any } ?? NSNull(),
      "formerNames": recipient.formerNames,
    ]
  }

  static func reportEdit(of name: String, _ edit: RecipientEdit, _ result: RuleChangeResult) {
    let old = name.trimmingCharacters(in: .whitespacesAndNewlines)
    let now = edit.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? old
    if let email = edit.email {
      Console.info(
        email.isEmpty
          ? "\(now) has no email address now; letters to them will be recorded as sent by you"
          : "\(now)'s email address is now \(email)")
    }
    if now != old {
      Console.info(
        "\(old) is now called \(now); letters already written to \(old) keep that name and follow \(now)'s rules")
      if edit.coolingOff == nil, !result.pending.isEmpty {
        Console.info(
          "letters to \(now) had the default cooling-off until now and \(now)'s own is shorter, so it waits again under the new name")
      }
    }
    RulesText.report(result)
  }

  static func reportRemoval(_ result: RuleChangeResult) {
    for case .recipientRemoval(let name) in result.appliedNow {
      Console.info("removed \(name); letters written to them stay as they are")
    }
    for pending in result.pending {
      guard case .recipientRemoval(let name) = pending.setting else { continue }
      Console.info(
        "\(name)'s own cooling-off is longer than the default, so removing them is a looser rule: they stay until \(RelativeTime.phrase(pending.effective)) and are removed then; `letters rules cancel` keeps them"
      )
    }
  }
}
