import Foundation
import Testing

/// SECURITY.md §2, T25: 200 commands (write, edit, hold, note, passwd, merge) SIGKILLed at
/// random moments on two vaults in parallel; the seeds make any failure replayable.
@Suite struct CrashTests {
  @Test func killedCommandsNeverLoseASavedLetterOrDamageTheVault() throws {
    let seeds: [UInt64] = [0xC0FFEE, 0xBADC0DE]
    let outcome = Results<(killed: Int, log: [String], failures: [String])>(count: seeds.count)
    DispatchQueue.concurrentPerform(iterations: seeds.count) { index in
      do {
        let worker = try CrashWorker(seed: seeds[index])
        defer { worker.fixture.remove() }
        try worker.runIterations(100)
        outcome.set(index, (worker.killed, worker.log, worker.failures))
      } catch {
        outcome.set(index, (0, [], ["worker \(index) stopped: \(error)"]))
      }
    }
    let results = outcome.values.compactMap { $0 }
    #expect(results.count == seeds.count)
    for (index, result) in results.enumerated() {
      #expect(
        result.failures.isEmpty, "seed \(seeds[index]): \(result.failures.joined(separator: "\n"))")
    }
    let killed = results.reduce(0) { $0 + $1.killed }
    let iterations = results.reduce(0) { $0 + $1.log.count }
    #expect(iterations >= 200)
    // Both outcomes happened often enough for the test to mean something.
    #expect(killed >= 40, "only \(killed) of \(iterations) commands were killed")
    #expect(iterations - killed >= 40, "only \(iterations - killed) commands finished")
  }
}
