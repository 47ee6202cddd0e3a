import VaultRecords
/// `search` through the LISTING and TEXT INDEX records (FORMAT.md §6.6, §6.7;
/// docs/PERFORMANCE.md): recipient, subject and tags from the listing, and the text decrypted
/// only for letters whose signature lets the word through. Everything it cannot vouch for (no
/// current listing entry or signature) is read from the letter itself with every check.
extension SearchDesk {
  /// What a letter's text signature says about the needle, by manifest index.
  enum TextVerdict: UInt8 {
    /// No current signature: read the text.
    case unknown
    /// Some window of the needle is certainly not in the text, or the needle needs a
    /// non-ASCII byte and the text is ASCII.
    case ruledOut
    /// Every window's bit is set: read the text to know.
    case possible
  }

  /// The search, or nil when the indexes cannot help: a needle without a probe (shorter than
  /// three bytes, or Unicode that an ASCII text could hold), a damaged manifest, or more than an eighth of the letters
  /// to read anyway, without a current entry or let through by their signatures (one streaming
  /// scan is then cheaper than that many lookups).
  func searchFromIndex(_ text: String, filter: LetterFilter, secondConnection: Bool = true) throws(VaultError)
    -> LetterListing?
  {
    let test = try SearchTest(text, filter)
    // A needle no ASCII text can hold (`é`, `café`) rules out the texts the index knows to be
    // ASCII (format 2); any other needle under three bytes or not ASCII is read everywhere.
    guard let probe = SignatureProbe(text) ?? (test.needsNonASCII ? .nonASCIINeedle : nil) else { return nil }
    return try records.read { tx -> LetterListing? in
      let manifest: ManifestIndex
      do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged { return nil }
      // Letters to read one by one: those without a current entry, and those whose signature
      // lets the words through. Past an eighth of the vault (a short, common needle such as
      // "the"), the two-core scan reads them faster than that many point lookups: known from
      // the signatures alone as soon as that many let the words through, before the rest of
      // the text index and any of the listing are decrypted (docs/PERFORMANCE.md).
      let limit = max(64, manifest.count / 8)
      // The listing is decrypted on the other core meanwhile (SecondCoreRead.swift).
      // Without `secondConnection` this thread reads it after the text index, as it does when
      // the second connection is busy.
      let listing = SecondCoreRead<ListingView>(desk: self)
      if secondConnection { listing.start { tx, keepGoing in try tx.listingView(manifest, while: keepGoing) } }
      defer { listing.stop() }
      guard let verdicts = try textVerdicts(probe, manifest: manifest, in: tx, givingUpAbove: limit) else {
        return nil
      }
      let view = try listing.wait() ?? tx.listingView(manifest)
      var toRead = 0
      for index in 0..<manifest.count where !view.has(index) || verdicts[index] != .ruledOut {
        toRead += 1
      }
      guard toRead <= limit else { return nil }
      var found: [LetterSummary] = []
      var damaged: [Damage] = []
      var missing: [Damage] = []
      for index in 0..<manifest.count {
        let verdict = verdicts[index]
        if verdict != .unknown, let fields = view.withFields(at: index, test.fieldsMayMatch) {
          // Ruled out by its text, and its recipient, subject and tags cannot match: not
          // found, whatever the filter, and no summary is built (docs/PERFORMANCE.md).
          if verdict == .ruledOut && !fields { continue }
          if let entry = view.summary(at: index) {
            let summary = LetterFacts.summary(manifest.id(at: index), entry)
            guard test.filter.matches(summary) else { continue }
            if test.fieldsMatch(summary) {
              found.append(summary)
              continue
            }
            if verdict == .ruledOut { continue }
          }
        }
        let entry = manifest.entry(at: index)
        do {
          let (id, meta) = try tx.metaFromIndex(entry, summaryOnly: false)
          let summary = LetterFacts.summary(id, meta)
          let matched = try test.matches(summary) {
            try tx.loadBody(id, meta: meta, revision: meta.revisions.last!)
          }
          if matched { found.append(summary) }
        } catch RecordError.damaged(let problems) {
          // As the scan names them: damage in key order, then the letters missing from the file.
          let gone = Damage.missingLetter(LetterID(bytes: entry.letterID))
          damaged += problems.filter { $0 != gone }
          missing += problems.filter { $0 == gone }
        }
      }
      return LetterListing(letters: Self.newestFirst(found), damaged: damaged + missing)
    }
  }

  /// Each manifest entry's verdict from its TEXT INDEX entry, read in place from the
  /// decrypted rows (no entry structs). An entry counts only when its META version and hash
  /// equal the manifest's; a bucket with two rows, or one that fails to open or parse, gives
  /// `unknown` for all its letters.
  func textVerdicts(_ probe: SignatureProbe, manifest: ManifestIndex, in tx: RecordTransaction) throws
    -> [TextVerdict]
  {
    try textVerdicts(probe, manifest: manifest, in: tx, givingUpAbove: .max)!
  }

  /// As above, or nil as soon as more than `limit` signatures let the words through: the
  /// search would then read more than `limit` letters, whatever the rest of the index says (a
  /// verdict later withdrawn by a duplicated bucket becomes `unknown`, also read), so the rows
  /// left are not decrypted.
  func textVerdicts(
    _ probe: SignatureProbe, manifest: ManifestIndex, in tx: RecordTransaction, givingUpAbove limit: Int
  ) throws -> [TextVerdict]? {
    var verdicts = [TextVerdict](repeating: .unknown, count: manifest.count)
    var previous: [UInt8] = []
    var cursor = 0
    var filled: [Int] = []
    var letThrough = 0
    do {
      try tx.forEachRow(
        field: FieldTag.textIndex.rawValue, from: RecordTransaction.textIndexLow, through: RecordTransaction.textIndexHigh
      ) { objectID, revision, envelope in
        guard letThrough <= limit else { throw TooManyToRead() }
        defer { if objectID != previous { previous = objectID } }
        func forget() {
          for index in filled { verdicts[index] = .unknown }
          filled = []
        }
        // A second row for the same bucket: use neither.
        if objectID == previous { return forget() }
        filled = []
        guard let bucket = SignatureBucket.bucket(objectID: objectID),
          var plaintext = try? cipher.open(
            envelope, field: .textIndex, objectID: objectID, revision: revision, key: .textIndex)
        else { return }
        defer { wipe(&plaintext) }
        do {
          try readSignatureBucket(plaintext, bucket: bucket, manifest: manifest, cursor: &cursor) {
            index, filter, log2Bits, nonASCII in
            let possible = probe.mayMatch(filter, log2Bits: log2Bits, nonASCII: nonASCII)
            verdicts[index] = possible ? .possible : .ruledOut
            if possible { letThrough += 1 }
            filled.append(index)
          }
        } catch {
          forget()
        }
      }
    } catch is TooManyToRead {
      return nil
    }
    return letThrough <= limit ? verdicts : nil
  }

  /// Stops the walk over the text index rows (`textVerdicts`).
  private struct TooManyToRead: Error {}

  /// Parses one bucket as strictly as ``SignatureBucket/init(parsing:bucket:)`` and hands over
  /// each entry that matches the manifest: its manifest index and its filter, in place.
  private func readSignatureBucket(
    _ plaintext: [UInt8], bucket: UInt8, manifest: ManifestIndex, cursor: inout Int,
    _ found: (Int, UnsafeRawBufferPointer, Int, Bool?) -> Void
  ) throws(ByteReader.Malformed) {
    var reader = try SignatureBucket.header(plaintext, bucket: bucket)
    let format = plaintext[0]
    var previous: Range<Int>?
    for _ in 0..<(try SignatureBucket.count(&reader)) {
      let id = try reader.span(FormatConstant.idByteCount)
      let version = try reader.u64()
      let hash = try reader.span(FormatConstant.hashByteCount)
      _ = try reader.span(FormatConstant.hashByteCount)
      let nonASCII = try SignatureEntry.readFlags(&reader, format: format)
      let size = try SignatureEntry.readFilter(&reader)
      let filter = try reader.span(size.count)
      try SignatureBucket.check(plaintext[id], bucket: bucket, after: previous.map { plaintext[$0] })
      previous = id
      plaintext.withUnsafeBytes { raw in
        if let index = manifest.seek(UnsafeRawBufferPointer(rebasing: raw[id]), from: &cursor),
          manifest.entry(at: index, hasVersion: version, hash: UnsafeRawBufferPointer(rebasing: raw[hash]))
        {
          found(index, UnsafeRawBufferPointer(rebasing: raw[filter]), size.log2Bits, nonASCII)
        }
      }
    }
    try reader.finish()
  }
}
