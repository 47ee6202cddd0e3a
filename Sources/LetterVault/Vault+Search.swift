import Dispatch
import Foundation

/// `search` on both cores (docs/PERFORMANCE.md): one thread streams the rows in key order and
/// copies each letter's META and BODY envelopes into a batch; two workers then check and
/// decrypt the batch, each with its own key scratch. The checks are exactly those of the
/// serial scan (`scan` in Vault+List.swift): the same functions run them.
extension Vault {
  /// One letter's stored envelopes, as the scan met them.
  struct ScanJob {
    let id: LetterID
    let version: UInt64
    let meta: [UInt8]
    /// Looked up by the worker, off the reading thread.
    let manifest: ManifestIndex?
    var bodies: [(revision: UInt64, envelope: [UInt8])] = []
  }

  /// What a worker decided for one letter.
  enum ScanOutcome {
    case skipped
    case found(LetterSummary)
    case damaged([Damage])
  }

  /// An outcome, and whether the letter is in the manifest (for the missing-letter check).
  struct ScanResult {
    let outcome: ScanOutcome
    let listed: Bool
  }

  /// Letters per batch: big enough to keep both workers busy, small enough to stay a few MB.
  static let scanBatchSize = 512

  /// Walks every letter once like `scan(fields: [meta, body])`, running `include` on two
  /// threads. `include` must be safe to call concurrently (it only reads its captures).
  func parallelScan(
    _ include: @escaping @Sendable (LetterMeta, LetterSummary, () throws -> [UInt8]?) throws -> Bool
  ) throws(VaultError) -> LetterListing {
    try database.read { session in
      var damaged: [Damage] = []
      var manifest: ManifestIndex?
      do { manifest = try loadManifestIndex(in: session) } catch VaultError.damaged(let found) {
        damaged += found
      }
      // Worker 0 uses the vault's own cipher; worker 1 a copy with its own scratch buffers.
      let ciphers = [cipher, RecordCipher(vaultID: cipher.vaultID, masterKey: cipher.masterKey, random: cipher.random)]
      var found: [LetterSummary] = []
      var seenCount = 0
      var batch: [ScanJob] = []
      batch.reserveCapacity(Self.scanBatchSize)
      // One batch is decided by the two workers while this thread reads the next one.
      let pipeline = ScanPipeline(vault: self, ciphers: ciphers, include: include)
      func take(_ results: [ScanResult]) {
        for result in results {
          if result.listed { seenCount += 1 }
          switch result.outcome {
          case .skipped: break
          case .found(let summary): found.append(summary)
          case .damaged(let problems): damaged += problems
          }
        }
      }

      try session.forEachObject(fields: [FieldTag.meta.rawValue, FieldTag.body.rawValue]) {
        objectID, field, revision, envelope in
        guard objectID.count == FormatConstant.idByteCount else { return }
        if field == FieldTag.meta.rawValue {
          // Only at a META row: the previous letter's bodies are all in the batch by now.
          if batch.count >= Self.scanBatchSize {
            take(pipeline.submit(batch))
            batch = []
            batch.reserveCapacity(Self.scanBatchSize)
          }
          batch.append(
            ScanJob(id: LetterID(bytes: objectID), version: revision, meta: Array(envelope), manifest: manifest))
        } else if let last = batch.indices.last, batch[last].id.bytes == objectID {
          batch[last].bodies.append((revision, Array(envelope)))
        }
      }
      take(pipeline.submit(batch))
      take(pipeline.finish())
      if let manifest, seenCount != manifest.count {
        damaged += try missingLetters(manifest, in: session)
      }
      return LetterListing(letters: Self.newestFirst(found), damaged: damaged)
    }
  }

  /// One letter: its META checked against the manifest and opened, then `include` with an
  /// opener for the head body (checked against META's hash list), as `scan` does.
  fileprivate func decide(
    _ job: ScanJob, cipher: RecordCipher,
    _ include: (LetterMeta, LetterSummary, () throws -> [UInt8]?) throws -> Bool
  ) -> ScanResult {
    let indexEntry = job.manifest.map { $0.entry(for: job.id.bytes) }
    return ScanResult(
      outcome: decide(job, indexEntry: indexEntry, cipher: cipher, include),
      listed: indexEntry??.letterID != nil)
  }

  private func decide(
    _ job: ScanJob, indexEntry: Manifest.Entry??, cipher: RecordCipher,
    _ include: (LetterMeta, LetterSummary, () throws -> [UInt8]?) throws -> Bool
  ) -> ScanOutcome {
    do {
      let meta = try job.meta.withUnsafeBytes { raw in
        try openMeta(
          envelope: raw, version: job.version, id: job.id, indexEntry: indexEntry,
          summaryOnly: false, using: cipher)
      }
      let summary = summary(job.id, meta)
      let opener: () throws -> [UInt8]? = {
        let head = meta.revisions.last!
        guard let body = job.bodies.last(where: { $0.revision == UInt64(head.number) }) else {
          throw VaultError.damaged([
            Damage(letterID: job.id.description, part: "text revision \(head.number)", reason: "missing")
          ])
        }
        return try body.envelope.withUnsafeBytes { raw in
          try self.openBody(envelope: raw, id: job.id, meta: meta, revision: head, using: cipher)
        }
      }
      return try include(meta, summary, opener) ? .found(summary) : .skipped
    } catch VaultError.damaged(let problems) {
      return .damaged(problems)
    } catch {
      return .damaged([Damage(letterID: job.id.description, part: "letter", reason: error.reason)])
    }
  }
}

/// Two workers deciding one batch while the reading thread fills the next (Vault+Search.swift).
/// Each worker writes only its own indices of the outcome buffer; the buffer is read only after
/// the group has been waited on.
private final class ScanPipeline: @unchecked Sendable {
  private let vault: Vault
  private let ciphers: [RecordCipher]
  private let include: @Sendable (LetterMeta, LetterSummary, () throws -> [UInt8]?) throws -> Bool
  private let queue = DispatchQueue(label: "letters.search", attributes: .concurrent)
  private let group = DispatchGroup()
  private var inFlight: UnsafeMutableBufferPointer<Vault.ScanResult>?

  init(
    vault: Vault, ciphers: [RecordCipher],
    include: @escaping @Sendable (LetterMeta, LetterSummary, () throws -> [UInt8]?) throws -> Bool
  ) {
    self.vault = vault
    self.ciphers = ciphers
    self.include = include
  }

  /// Starts deciding `batch`; returns the outcomes of the batch before it, in order.
  func submit(_ batch: [Vault.ScanJob]) -> [Vault.ScanResult] {
    let previous = finish()
    guard !batch.isEmpty else { return previous }
    let outcomes = UnsafeMutableBufferPointer<Vault.ScanResult>.allocate(capacity: batch.count)
    inFlight = outcomes
    nonisolated(unsafe) let target = outcomes
    // Contiguous halves, not alternate letters: neighbouring outcomes share cache lines.
    let half = (batch.count + 1) / 2
    DispatchQueue.concurrentPerform(iterations: min(2, batch.count)) { worker in
        for index in (worker * half)..<min(batch.count, (worker + 1) * half) {
          (target.baseAddress! + index).initialize(
            to: vault.decide(batch[index], cipher: ciphers[worker], include))
        }
    }
    return previous
  }

  /// Waits for the batch in flight and returns its outcomes, in order.
  func finish() -> [Vault.ScanResult] {
    group.wait()
    guard let outcomes = inFlight else { return [] }
    inFlight = nil
    let result = Array(outcomes)
    _ = outcomes.deinitialize()
    outcomes.deallocate()
    return result
  }
}
