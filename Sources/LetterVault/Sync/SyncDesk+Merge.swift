import Foundation
import VaultRecords
/// Merging a copy of this vault used on another computer (FORMAT.md §16
/// "Merge"). The other file is opened read-only and never written.
extension SyncDesk {
  func merge(
    from path: String, passphrase: Passphrase? = nil, dryRun: Bool = false,
    progress: ProgressHandler? = nil, named name: String? = nil
  ) throws(VaultError) -> MergeReport {
    // How the copy is named where a letter records where it came from: the file, or the
    // sync remote whose copy was written to a private file.
    let copyName = name ?? URL(fileURLWithPath: path).standardizedFileURL.path
    let source = try openCopy(at: path, passphrase: passphrase)
    let incoming = try Self.naming(path) { () throws(VaultError) in
      let problems = try source.letterDesk.verify(progress: progress, phase: .checkingCopy)
      guard problems.isEmpty else { throw VaultError.damaged(problems) }
      return try source.records.read { tx in try tx.snapshots() }
    }
    let theirBurned = try Self.naming(path) { () throws(VaultError) in
      try source.records.read { tx in
        try tx.loadSettings(manifest: nil).burnedIDs
      }
    }
    let preview = try records.read { tx in
      try burnedPlan(incoming, theirBurned: theirBurned, in: tx, manifest: try tx.loadManifest())
    }
    let (plans, unchanged) = try records.read { tx in
      try plan(
        preview.incoming, from: copyName, in: tx, manifest: try tx.loadManifest(),
        progress: dryRun ? progress : nil)
    }
    var report = MergeReport(changes: plans.map(\.change), unchanged: unchanged, applied: false)
    report.removedAsBurned = preview.remove
    report.notBroughtBack = preview.skipped
    guard !dryRun, !plans.isEmpty || !preview.remove.isEmpty || preview.learnsBurned else {
      return report
    }
    // Planned again inside the write transaction, in case another process wrote meanwhile.
    return try mutate { tx, manifest in
      let burned = try burnedPlan(incoming, theirBurned: theirBurned, in: tx, manifest: manifest)
      let (plans, unchanged) = try plan(
        burned.incoming, from: copyName, in: tx, manifest: manifest, progress: progress)
      for plan in plans { try apply(plan, in: tx, manifest: &manifest) }
      // A letter burned on the other computer is destroyed here too (FORMAT.md §6.2).
      for id in burned.remove {
        try tx.deleteLetter(id)
        manifest.removeLetter(id.bytes)
      }
      var settings = try tx.loadSettings(manifest: manifest)
      settings.burnedIDs.formUnion(theirBurned)
      try tx.saveSettings(settings, manifest: &manifest)
      var report = MergeReport(changes: plans.map(\.change), unchanged: unchanged, applied: true)
      report.removedAsBurned = burned.remove
      report.notBroughtBack = burned.skipped
      return report
    }
  }

  /// Which incoming letters to consider, which local ones the copy burned, and whether the
  /// copy knows of burns this vault does not.
  private func burnedPlan(
    _ incoming: [LetterSnapshot], theirBurned: Set<[UInt8]>, in tx: RecordTransaction,
    manifest: Manifest
  ) throws -> (incoming: [LetterSnapshot], remove: [LetterID], skipped: Int, learnsBurned: Bool) {
    let ours = try tx.loadSettings(manifest: manifest).burnedIDs
    let kept = incoming.filter { !ours.contains($0.id.bytes) && !theirBurned.contains($0.id.bytes) }
    let remove = theirBurned.filter { manifest.entries[$0] != nil }
      .sorted { $0.lexicographicallyPrecedes($1) }.map(LetterID.init(bytes:))
    return (kept, remove, incoming.count - kept.count, !theirBurned.isSubset(of: ours))
  }

  // MARK: - The other copy

  func copyNeedsPassphrase(at path: String) throws(VaultError) -> Bool {
    let (database, _) = try openCopyFile(at: path)
    return
      (try? sameKey(database, path).records.read({ tx in try tx.loadManifest() }))
      == nil
  }

  private func openCopyFile(at path: String) throws(VaultError) -> (VaultDatabase, [[UInt8]]) {
    let database = try Self.naming(path) { () throws(VaultError) in
      try VaultError.translating(path: path) { try VaultDatabase.open(at: path, readOnly: true) }
    }
    let (otherID, slots) = try Self.naming(path) { () throws(VaultError) in
      try VaultError.translating(path: path) { try database.header() }
    }
    guard otherID == vaultID else {
      throw .notAllowed(.differentVault(path: path))
    }
    return (database, slots)
  }

  private func sameKey(_ database: VaultDatabase, _ path: String) -> Vault {
    Vault(path: path, database: database, cipher: cipher, clock: clock)
  }

  private func openCopy(at path: String, passphrase: Passphrase?) throws(VaultError) -> Vault {
    let (database, slots) = try openCopyFile(at: path)
    let copy = sameKey(database, path)
    do {
      _ = try copy.records.read { tx in try tx.loadManifest() }
      return copy
    } catch {
      // The copy's master key differs (rotated on one side): its own keyslots decide.
      guard let passphrase, case .damaged = error else { throw Self.inCopy(error, path) }
      let key = try VaultError.translating(path: path) {
        try Keyslot.unlock(slots, kind: .passphrase, secret: passphrase.secret.value, vaultID: vaultID)
      }
      let own = RecordCipher(vaultID: vaultID, masterKey: key, random: random)
      return Vault(path: path, database: database, cipher: own, clock: clock)
    }
  }

  /// Runs `body`, saying "in the other copy" in any damage it reports.
  private static func naming<T>(_ path: String, _ body: () throws(VaultError) -> T)
    throws(VaultError) -> T
  {
    do { return try body() } catch { throw inCopy(error, path) }
  }

  private static func inCopy(_ error: VaultError, _ path: String) -> VaultError {
    guard case .damaged(let damages) = error else { return error }
    return .damaged(
      damages.map {
        Damage(letterID: $0.letterID, part: $0.part, reason: $0.reason, copy: path)
      })
  }

  // MARK: - Plan and apply

  private func plan(
    _ incoming: [LetterSnapshot], from copyName: String, in tx: RecordTransaction, manifest: Manifest,
    progress: ProgressHandler? = nil
  ) throws -> ([LetterMerger.Plan], Int) {
    let settings = try tx.loadSettings(manifest: manifest)
    let merger = LetterMerger(
      coolingOff: { settings.cooling.period(for: $0) },
      arrival: .init(
        at: clock.now().storedMilliseconds,
        copy: copyName))
    var plans: [LetterMerger.Plan] = []
    var unchanged = 0
    var meter = ProgressMeter(progress, phase: .merging, total: incoming.count)
    for (done, letter) in incoming.enumerated() {
      meter.advance(to: done)
      let local = try tx.rows(letter.id.bytes, field: .meta).last.map {
        try tx.snapshot($0, manifest: manifest)
      }
      if let plan = merger.merge(local: local, incoming: letter) {
        plans.append(plan)
      } else {
        unchanged += 1
      }
    }
    meter.finish()
    return (plans, unchanged)
  }

  private func apply(
    _ plan: LetterMerger.Plan, in tx: RecordTransaction, manifest: inout Manifest
  )
    throws
  {
    let id = plan.change.id
    var meta = plan.meta
    let letterKey = SecretBytes(copying: meta.letterKey)
    for (index, revision) in plan.revisions.enumerated() {
      meta.revisions[index].envelopeHash =
        try revision.storedHash
        ?? tx.storeBody(
          revision.text, id: id, revision: revision.number, letterKey: letterKey,
          manifest: &manifest)
    }
    // A head this vault already held was not stored again, so `storeBody` noted no signature
    // for it: noted here (FORMAT.md §6.7, §6.9), so a merged letter is not left out of the text index.
    if let head = plan.revisions.last, let hash = head.storedHash {
      manifest.noteSignature(of: head.text, letterID: id.bytes, bodyHash: hash)
    }
    if let notes = plan.notes {
      try tx.storeNotes(notes, for: id, letterKey: meta.letterKey)
    }
    try tx.storeMeta(meta, for: id, version: plan.version, manifest: &manifest)
  }
}
