import VaultRecords
import Foundation

/// `export` on both cores (docs/PERFORMANCE.md): the letters of the plan are read, checked,
/// decrypted and rendered by this thread and by a helper thread on a second read-only
/// connection (`VaultDatabase.secondReader`, as `search`'s scan uses), in runs handed back
/// in plan order (`ExportRuns`). Both see the same committed state: this thread's read
/// transaction holds its SHARED lock until the helper has left.
extension ExchangeDesk {
  /// Reads the letters of `plan` in its order and hands `write` their bytes as `stream`
  /// renders them, a run of letters at a time; `write` returns false to stop. Every letter is
  /// read and checked as ``export(_:progress:_:)`` reads it; a damaged or missing letter
  /// stops the bytes handed over, the others are still read, and the export fails naming
  /// every one. Without a second connection this thread reads every run itself.
  ///
  /// With `skippingDamaged`, a damaged letter is left out instead: the others are all handed
  /// over, and what was left out is returned (empty when nothing was).
  @discardableResult
  func export(
    _ plan: ExportPlan, rendering stream: ExportStream, secondConnection: Bool = true,
    skippingDamaged: Bool = false, progress: ProgressHandler? = nil,
    _ write: ([UInt8]) throws(VaultError) -> Bool
  ) throws(VaultError) -> [Damage] {
    var meter = ProgressMeter(progress, phase: .exporting, total: plan.count)
    let leftOut: [Damage] = try records.read { tx in
      let index = try tx.loadManifestIndex()
      let settings = try tx.loadSettings(index: index)
      let runs = ExportRuns(letters: plan.count)
      defer { runs.stop() }
      if secondConnection, runs.runs > 1 {
        let (records, helperStream) = (records, stream.copy())
        runs.startHelper { runs in
          guard let reader = records.secondReader() else { return }
          try? reader.readTransaction { tx in
            while let run = runs.take() {
              do {
                runs.finish(
                  run,
                  try Self.exportRun(
                    runs.range(run), plan, helperStream, index, settings, tx, skipping: skippingDamaged))
              } catch {
                // This thread's read failed: the calling thread reads the run through its own
                // connection, and meets (and reports or throws) whatever there is to meet.
                return runs.finish(run, .handedBack)
              }
            }
          }
        }
      }
      var damaged: [Damage] = []
      var stopped = false
      try runs.inOrder { run in
        try Self.exportRun(runs.range(run), plan, stream, index, settings, tx, skipping: skippingDamaged)
      } emit: { run, bytes, found in
        meter.advance(to: runs.range(run).upperBound)
        if damaged.isEmpty || skippingDamaged, !bytes.isEmpty, !(try write(bytes)) {
          stopped = true
          return false
        }
        damaged += found
        return true
      }
      guard stopped || damaged.isEmpty || skippingDamaged else { throw VaultError.damaged(damaged) }
      return stopped ? [] : damaged
    }
    meter.finish()
    return leftOut
  }

  /// Reads and renders the letters at `positions` of `plan`: the bytes of those before the
  /// first damaged one (of every readable one, when `skipping`), and the damage found (the
  /// later ones are still read and checked).
  static func exportRun(
    _ positions: Range<Int>, _ plan: ExportPlan, _ stream: ExportStream, _ index: ManifestIndex,
    _ settings: VaultSettings, _ tx: RecordTransaction, skipping: Bool = false
  ) throws -> ExportRuns.Outcome {
    var bytes: [UInt8] = []
    var damaged: [Damage] = []
    for number in positions {
      do {
        var whole = try wholeLetter(plan.id(number), index, tx)
        defer { wipe(&whole.body) }
        guard damaged.isEmpty || skipping else { continue }
        stream.append(exportedLetter(whole, settings, tx.cipher), number: number, to: &bytes)
      } catch RecordError.damaged(let found) {
        damaged += found
      }
    }
    return .done(bytes: bytes, damaged: damaged)
  }

  /// A letter of the plan read whole (META against the manifest, the text against META).
  static func wholeLetter(_ id: LetterID, _ index: ManifestIndex, _ tx: RecordTransaction) throws -> WholeLetter {
    guard let entry = index.entry(for: id.bytes) else { throw RecordError.damaged([.missingLetter(id)]) }
    return try tx.wholeLetter(entry)
  }

  /// What an export hands over for a letter read whole: its text, fingerprint, notes and the
  /// recipient's address.
  static func exportedLetter(_ whole: WholeLetter, _ settings: VaultSettings, _ cipher: RecordCipher) -> ExportedLetter {
    let summary = LetterFacts.summary(whole.id, whole.meta)
    let email = settings.recipientIndex(forLetterTo: summary.recipient).map { settings.recipients[$0].email } ?? ""
    let letter = Letter(
      summary: summary, body: String(decoding: whole.body, as: UTF8.self),
      fingerprint: cipher.fingerprint(whole.meta, body: whole.body))
    return ExportedLetter(letter: letter, notes: whole.notes, email: email)
  }
}
