import Foundation
import Testing

/// Runs `letters` on a pseudo-terminal, so that it believes a person is at the keyboard and
/// opens `$EDITOR` (BodyInput uses the editor only when stdin is a terminal).
///
/// Uses util-linux `script -q -e -c CMD /dev/null`: it allocates the pty, runs the command
/// through `$SHELL -c` (we pin `/bin/sh`), returns the command's exit status (`-e`) and keeps
/// no typescript. stdin is /dev/null: the fake editors never read the terminal.
struct PseudoTerminal {
  let process = Process()
  let output: URL

  init(_ arguments: [String], environment: [String: String], scratch: URL) throws {
    let command = ([CLI.binary.path] + arguments).map(Self.quote).joined(separator: " ")
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
    var env = ProcessInfo.processInfo.environment
    env["SWIFT_BACKTRACE"] = "enable=no"
    env["SHELL"] = "/bin/sh"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    output = scratch.appendingPathComponent("pty-\(UUID().uuidString).out")
    FileManager.default.createFile(atPath: output.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = process.standardOutput
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    try process.run()
  }

  /// Waits for the command; fails the test (and kills it) after `seconds`.
  @discardableResult
  func wait(seconds: Double = 60) -> Int32 {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning {
      Issue.record("the command under a pseudo-terminal did not finish")
      process.terminate()
      process.waitUntilExit()
    }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// What the terminal showed (messages and stdout, with CR LF line ends).
  var transcript: String {
    (try? String(contentsOf: output, encoding: .utf8)) ?? ""
  }

  static func quote(_ argument: String) -> String {
    "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

/// A fake `$EDITOR`: a shell script that writes down what letters gave it (file path, modes,
/// file-system type, environment, the letters process's core-dump limit), then acts.
struct FakeEditor {
  enum Action {
    /// Appends the value of the environment variable `LETTERS_TEST_APPEND` (kept out of any
    /// file, so a canary never touches the disk through the test itself).
    case appendFromEnvironment
    /// Exits with this status without changing the file.
    case fail(Int32)
    /// Says it is waiting, then waits (at most 20 s) for letters to go away.
    case waitForLettersToDie
  }

  let script: URL
  let record: URL

  init(in directory: URL, action: Action) throws {
    script = directory.appendingPathComponent("editor-\(UUID().uuidString).sh")
    record = directory.appendingPathComponent("editor-record-\(UUID().uuidString)")
    let act: String
    switch action {
    case .appendFromEnvironment: act = "printf '%s\\n' \"$LETTERS_TEST_APPEND\" >> \"$file\""
    case .fail(let status): act = "exit \(status)"
    case .waitForLettersToDie:
      act = """
        touch "$out.waiting"
        i=0
        while kill -0 "$pid" 2>/dev/null && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done
        """
    }
    let text = """
      #!/bin/sh
      for a in "$@"; do file="$a"; done
      dir=$(dirname "$file")
      out='\(record.path)'
      pid=$$
      while [ "$pid" -gt 1 ]; do
        [ "$(cat /proc/$pid/comm)" = letters ] && break
        pid=$(awk '{print $4}' /proc/$pid/stat)
      done
      {
        echo "file=$file"
        echo "dirmode=$(stat -c %a "$dir")"
        echo "filemode=$(stat -c %a "$file")"
        echo "fstype=$(stat -f -c %T "$dir")"
        echo "passphrasevars=$(env | grep -c '^LETTERS_PASSPHRASE')"
        echo "letterspid=$pid"
        echo "core=$(awk '/Max core file size/ {print $5 "/" $6}' /proc/$pid/limits)"
      } > "$out.tmp" && mv "$out.tmp" "$out"
      \(act)

      """
    try text.write(to: script, atomically: true, encoding: .utf8)
    chmod(script.path, 0o700)
  }

  /// The recorded `key=value` lines.
  func recorded() -> [String: String] {
    guard let text = try? String(contentsOf: record, encoding: .utf8) else { return [:] }
    var values: [String: String] = [:]
    for line in text.split(separator: "\n") {
      guard let equals = line.firstIndex(of: "=") else { continue }
      values[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    return values
  }

  var isWaiting: Bool { FileManager.default.fileExists(atPath: record.path + ".waiting") }
}
