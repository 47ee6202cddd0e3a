import Foundation

/// Counts Argon2id runs made by the current task, so a test can show that a step (such as
/// reading a mistyped recovery key) did no key derivation at all. Task-local: tests running
/// in parallel do not see each other's runs. Nil, and free, outside such a test.
package final class KDFProbe: @unchecked Sendable {
  @TaskLocal package static var current: KDFProbe?

  private let lock = NSLock()
  private var count = 0

  package init() {}

  package func record() { lock.withLock { count += 1 } }

  package var runs: Int { lock.withLock { count } }
}
