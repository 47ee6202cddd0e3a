import ArgumentParser
import Foundation
import LetterVault

@main
struct Letters: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "letters",
    abstract: "An encrypted place for letters you may never send.",
    discussion: """
      Letters are kept encrypted in one file. Nothing readable is written to disk \
      unless you export it. Exit codes: 0 ok, 1 unexpected, 64 usage or invalid input, 65 vault or record \
      damaged, 66 no such vault or letter, 69 not possible in the letter's state, 73 vault \
      already exists, 74 I/O, 75 not yet (cooling-off, quiet hours, busy), 77 wrong \
      passphrase, 129 hang-up, 130 interrupted, 143 terminated.
      """,
    version: "0.1.0",
    subcommands: [
      Init.self, Write.self, Edit.self, Show.self, List.self, Search.self, Hold.self,
      Note.self, History.self, Passwd.self, Verify.self, Status.self, VaultPath.self, Jot.self,
      RecoveryCommand.self, Unlock.self, Lock.self, Burn.self, Backup.self,
      Merge.self, Sync.self,
      Export.self, Import.self, Delivery.self,
      Send.self, Cancel.self, Review.self, Rules.self, Recipient.self,
    ]
  )

  /// The only place that prints an error and the only place that exits (README "Exit codes").
  /// Commands throw, so their cleanup (`defer`) has always run by the time we get here.
  static func main() {
    ProcessHardening.apply()
    do {
      var command: ParsableCommand
      do {
        command = try parseAsRoot()
      } catch {
        // `letters wirte`: name the commands it was probably meant to be.
        let arguments = Array(CommandLine.arguments.dropFirst())
        throw UnknownCommand.find(in: arguments, root: Self.self).map(CLIError.unknownCommand) ?? error
      }
      try command.run()
    } catch let error as VaultError {
      Console.error(error.text, hint: error.hint)
      if case .damaged(let damages) = error, damages.count > 1 {
        for damage in damages { Console.detail(damage.text) }
      }
      if case .importRefused(let problems) = error, problems.count > 1 {
        for problem in problems { Console.detail(problem.text) }
      }
      Foundation.exit(error.exitCode)
    } catch let error as CLIError {
      Console.error(error.description, hint: error.hint)
      Foundation.exit(error.exitCode)
    } catch {
      exit(withError: error)
    }
  }
}
