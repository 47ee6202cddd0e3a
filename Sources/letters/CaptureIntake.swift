import LetterVault

/// Tells the writer, gently, that what they jotted while the vault was locked is now here.
enum CaptureIntake {
  static func run(_ vault: Vault) throws {
    let result: (accepted: [LetterID], unreadable: [Damage])
    do {
      result = try vault.acceptCaptures()
    } catch {
      // Writes wait until a rollback is accepted; the captures wait with them.
      if case .rolledBack = error { return }
      throw error
    }
    let (accepted, unreadable) = result
    if accepted.count == 1 {
      Console.info("a letter you jotted while the vault was locked is now a draft (\(accepted[0].short))")
    } else if accepted.count > 1 {
      let ids = accepted.map(\.short).joined(separator: ", ")
      Console.info("\(accepted.count) letters you jotted while the vault was locked are now drafts (\(ids))")
    }
    for damage in unreadable { Console.warning(damage.text) }
  }
}
