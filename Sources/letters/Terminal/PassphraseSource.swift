import Foundation
import LetterVault

/// Where a passphrase comes from (FORMAT.md §12.2): `LETTERS_PASSPHRASE_FILE` (first line),
/// `LETTERS_PASSPHRASE_COMMAND` (first line of its output), else the terminal with echo off.
/// Never argv. The environment variables name a file or a command, never the secret itself.
enum PassphraseSource {
  static let fileVariable = "LETTERS_PASSPHRASE_FILE"
  static let commandVariable = "LETTERS_PASSPHRASE_COMMAND"
  static let newFileVariable = "LETTERS_NEW_PASSPHRASE_FILE"
  /// The passphrase of the other copy `merge` brings in, when its key differs (a `passwd` or a
  /// burn on one side); else it is asked like the vault's own.
  static let copyFileVariable = "LETTERS_COPY_PASSPHRASE_FILE"

  /// Variables scrubbed from every child's environment (editor, pager, delivery command).
  static let privateVariables = [
    fileVariable, commandVariable, newFileVariable, copyFileVariable, RecoveryKeySource.fileVariable,
  ]

  static func current(prompt: String) throws -> Passphrase {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment[fileVariable], !path.isEmpty {
      return try fromFile(path)
    }
    if let command = environment[commandVariable], !command.isEmpty {
      return try fromCommand(command)
    }
    return try TerminalPrompt.readSecret(prompt: prompt)
  }

  /// The other copy's passphrase for `merge`: `LETTERS_COPY_PASSPHRASE_FILE`, else as
  /// ``current(prompt:)`` (after a `passwd` here, a copy made before it keeps the old one).
  static func copy(prompt: String) throws -> Passphrase {
    if let path = ProcessInfo.processInfo.environment[copyFileVariable], !path.isEmpty {
      return try fromFile(path)
    }
    return try current(prompt: prompt)
  }

  /// A new passphrase for `init` or `passwd`: from `variable`'s file, else asked twice.
  static func new(fileVariable variable: String, prompt: String) throws -> Passphrase {
    if let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty {
      return try checked(try fromFile(path))
    }
    let first = try TerminalPrompt.readSecret(prompt: prompt)
    let second = try TerminalPrompt.readSecret(prompt: "Once more, to be sure: ")
    guard first.matches(second) else { throw CLIError.passphrasesDiffer }
    return try checked(first)
  }

  private static func checked(_ passphrase: Passphrase) throws -> Passphrase {
    guard passphrase.byteCount >= 12 else { throw CLIError.passphraseTooShort }
    return passphrase
  }

  static func fromFile(_ path: String) throws -> Passphrase {
    guard var bytes = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
      throw CLIError.passphraseFileUnreadable(path)
    }
    var line = Array(bytes.prefix { $0 != 0x0A })
    if line.last == 0x0D { line.removeLast() }  // a file saved with CRLF (FORMAT.md §4.1)
    bytes.withUnsafeMutableBytes { $0.initializeMemory(as: UInt8.self, repeating: 0) }
    return Passphrase(consuming: &line)
  }

  /// Runs the command in the terminal's foreground (``ForegroundProcess``), so a command that
  /// asks on the terminal itself can read keys.
  static func fromCommand(_ command: String) throws -> Passphrase {
    var (status, bytes) = try ForegroundProcess.capture(
      "/bin/sh", arguments: ["-c", command], environment: ChildEnvironment.scrubbed())
    defer { bytes.withUnsafeMutableBytes { $0.initializeMemory(as: UInt8.self, repeating: 0) } }
    guard status == 0 else { throw CLIError.passphraseCommandFailed(status: status) }
    var line = Array(bytes.prefix { $0 != 0x0A })
    if line.last == 0x0D { line.removeLast() }  // a file saved with CRLF (FORMAT.md §4.1)
    return Passphrase(consuming: &line)
  }
}

/// The environment handed to children, without our private variables (SECURITY.md §2.8).
enum ChildEnvironment {
  static func scrubbed(adding extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    for name in PassphraseSource.privateVariables { environment[name] = nil }
    for (key, value) in extra { environment[key] = value }
    return environment
  }
}
