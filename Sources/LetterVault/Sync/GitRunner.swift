import VaultRecords
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `git` as a child in the vault's folder, with an explicit argument array (never a
/// shell string) and the environment the caller gives: the command line passes a minimal one
/// without letters' private variables (SECURITY.md §2.8). Hooks are switched off for every
/// run, so nothing in the repository can run code with the vault open.
struct GitRunner {
  /// The folder the repository lives in (the vault's folder).
  let folder: String
  let environment: [String: String]
  let executable: String

  struct Output {
    let status: Int32
    let output: Data
    let errors: String

    var text: String {
      String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
  }

  init(folder: String, environment: [String: String]) throws(VaultError) {
    self.folder = folder
    self.environment = environment
    guard let found = Self.find(in: environment["PATH"] ?? "/usr/bin:/bin") else {
      throw .syncFailed(.gitMissing)
    }
    executable = found
  }

  private static func find(in path: String) -> String? {
    for directory in path.split(separator: ":") where directory.hasPrefix("/") {
      let candidate = String(directory) + "/git"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  /// Runs git; stdout goes to `file` when given (a blob written straight to disk).
  func run(_ arguments: [String], input: Data? = nil, to file: FileHandle? = nil,
    adding extra: [String: String] = [:]) -> Output
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments =
      ["-C", folder, "-c", "core.hooksPath=/dev/null", "-c", "commit.gpgSign=false"] + arguments
    process.environment = environment.merging(extra) { $1 }
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = file ?? outPipe
    process.standardError = errPipe
    process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
    signal(SIGPIPE, SIG_IGN)
    do { try process.run() } catch {
      return Output(status: 127, output: Data(), errors: "git could not be started")
    }
    let out = Collected()
    let err = Collected()
    let readers = [
      file == nil ? Thread { out.read(outPipe.fileHandleForReading) } : nil,
      Thread { err.read(errPipe.fileHandleForReading) },
    ].compactMap { $0 }
    readers.forEach { $0.start() }
    if let input {
      try? inPipe.fileHandleForWriting.write(contentsOf: input)
      try? inPipe.fileHandleForWriting.close()
    }
    process.waitUntilExit()
    if file == nil { out.wait() }
    err.wait()
    let status = process.terminationReason == .exit ? process.terminationStatus : 128
    return Output(status: status, output: out.data, errors: err.summary())
  }

  /// Runs git and returns its trimmed stdout; a non-zero exit is `failure(detail)`.
  @discardableResult
  func check(_ arguments: [String], input: Data? = nil, adding extra: [String: String] = [:],
    failure: (String) -> SyncProblem = { .gitFailed(detail: $0) }) throws(VaultError) -> String
  {
    let result = run(arguments, input: input, adding: extra)
    guard result.status == 0 else { throw .syncFailed(failure(result.errors)) }
    return result.text
  }

  /// The commit a ref names, or nil when it does not exist.
  func commit(_ ref: String) -> String? {
    let result = run(["rev-parse", "--verify", "--quiet", ref + "^{commit}"])
    return result.status == 0 && !result.text.isEmpty ? result.text : nil
  }

  /// True when `ancestor` is `descendant` or one of its ancestors.
  func isAncestor(_ ancestor: String, of descendant: String) -> Bool {
    run(["merge-base", "--is-ancestor", ancestor, descendant]).status == 0
  }

  /// True when the two commits share any history.
  func related(_ one: String, _ other: String) -> Bool {
    run(["merge-base", one, other]).status == 0
  }
}

/// One pipe of the child, read on its own thread so a full pipe cannot block git.
private final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private let done = DispatchSemaphore(value: 0)
  private var bytes = Data()

  var data: Data { lock.withLock { bytes } }

  func read(_ handle: FileHandle) {
    let all = handle.readDataToEndOfFile()
    lock.withLock { bytes = all }
    done.signal()
  }

  func wait() { _ = done.wait(timeout: .now() + 30) }

  /// git's last non-empty line, control characters removed, at most 300 characters.
  func summary() -> String {
    let text = String(decoding: data.suffix(4096), as: UTF8.self)
    let lines = text.split(whereSeparator: \.isNewline).map {
      String($0.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
        .trimmingCharacters(in: .whitespaces)
    }
    return String((lines.last { !$0.isEmpty } ?? "").prefix(300))
  }
}
