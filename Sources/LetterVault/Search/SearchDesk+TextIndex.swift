import VaultRecords
/// `search` through the TEXT INDEX (and, when it must, the LISTING) records (FORMAT.md §6.6,
/// §6.7; docs/PERFORMANCE.md): a letter is read only when the signature of its text or of its
/// recipient, subject and tags lets the words through. Everything it cannot vouch for (no
/// current signature) is read from the letter itself with every check.
extension SearchDesk {
  /// What a letter's signature says about the needle, by manifest index.
  enum TextVerdict: UInt8 {
    /// No current signature: read the letter.
    case unknown
    /// Some window of the needle is certainly not there, or the needle needs a non-ASCII
    /// byte and what was signed is ASCII.
    case ruledOut
    /// Every window's bit is set: read to know.
    case possible
  }

  /// Each letter's verdicts: for its text, and for its recipient, subject and tags (unknown
  /// for an entry of format 1 or 2, which signs only the text).
  struct Verdicts {
    var text: [TextVerdict]
    var fields: [TextVerdict]
  }

  /// The search, or nil when the indexes cannot help: a needle without a probe (shorter than
  /// three bytes, or Unicode that an ASCII text could hold), a damaged manifest, or more than an eighth of the letters
  /// to read anyway, without a current entry or let through by their signatures (one streaming
  /// scan is then cheaper than that many lookups).
  func searchFromIndex(_ text: String, filter: LetterFilter) throws(VaultError) -> LetterListing? {
    let test = try SearchTest(text, filter)
    guard let probe = Self.probe(text, test) else { return nil }
    return try records.read { tx -> LetterListing? in
      let manifest: ManifestIndex
      do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged { return nil }
      return try signatureSearch(test, probe, manifest: manifest, in: tx)
    }
  }

  /// The probe of `text`'s windows. A needle no ASCII text can hold (`é`, `café`) rules out
  /// the texts the index knows to be ASCII (format 2); any other needle under three bytes or
  /// not ASCII has none: it is read everywhere.
  static func probe(_ text: String, _ test: SearchTest) -> SignatureProbe? {
    SignatureProbe(text) ?? (test.needsNonASCII ? .nonASCIINeedle : nil)
  }

  /// ``searchFromIndex(_:filter:)`` in a read transaction that has loaded the manifest.
  func signatureSearch(_ test: SearchTest, _ probe: SignatureProbe, manifest: ManifestIndex, in tx: RecordTransaction)
    throws -> LetterListing?
  {
    // Letters to read one by one: those without a current entry, and those whose signature
    // lets the words through. Past an eighth of the vault (a short, common needle such as
    // "the"), the two-core scan reads them faster than that many point lookups: known from
    // the signatures alone as soon as that many let the words through, before the rest of
    // the text index is decrypted (docs/PERFORMANCE.md).
    let limit = max(64, manifest.count / 8)
    guard let verdicts = try textVerdicts(probe, manifest: manifest, in: tx, givingUpAbove: limit) else {
      return nil
    }
    // Letters whose text is ruled out but whose recipient, subject or tags may hold the
    // words (or whose entry signs only the text). A few are read from their META; past
    // about one in 64 (or past the limit with the others), decrypting the whole LISTING
    // once is cheaper, and every letter's fields are tested there exactly
    // (docs/PERFORMANCE.md, round 10).
    var textToRead = 0
    var fieldsToRead = 0
    for index in 0..<manifest.count {
      if verdicts.text[index] != .ruledOut {
        textToRead += 1
      } else if verdicts.fields[index] != .ruledOut {
        fieldsToRead += 1
      }
    }
    if fieldsToRead <= max(64, manifest.count / 64) && textToRead + fieldsToRead <= limit {
      return try readLetters(test, manifest: manifest, in: tx) { index in
        verdicts.text[index] != .ruledOut ? .whole : verdicts.fields[index] != .ruledOut ? .fieldsOnly : .skip
      }
    }
    let view = try tx.listingView(manifest)
    var toRead = 0
    for index in 0..<manifest.count where !view.has(index) || verdicts.text[index] != .ruledOut {
      toRead += 1
    }
    guard toRead <= limit else { return nil }
    return try readLetters(test, manifest: manifest, in: tx) { index in
      let verdict = verdicts.text[index]
      guard verdict != .unknown, let fields = view.withFields(at: index, test.fieldsMayMatch) else { return .whole }
      // Ruled out by its text, and its recipient, subject and tags cannot match: not
      // found, whatever the filter, and no summary is built (docs/PERFORMANCE.md).
      if verdict == .ruledOut && !fields { return .skip }
      guard let entry = view.summary(at: index) else { return .whole }
      let summary = LetterFacts.summary(manifest.id(at: index), entry)
      guard test.filter.matches(summary) else { return .skip }
      if test.fieldsMatch(summary) { return .found(summary) }
      return verdict == .ruledOut ? .skip : .whole
    }
  }

  /// What to do with one letter (``readLetters(_:manifest:in:_:)``).
  enum Step {
    /// Not found, without reading it.
    case skip
    /// Found, from its listing entry.
    case found(LetterSummary)
    /// Read its META and test its fields, not its text (which its signature ruled out).
    case fieldsOnly
    /// Read it whole: META, and the text when the fields do not match.
    case whole
  }

  /// The letters found, newest first: each read as `step` says, the damage met named as the
  /// scan names it (damage in key order, then the letters missing from the file).
  func readLetters(
    _ test: SearchTest, manifest: ManifestIndex, in tx: RecordTransaction, _ step: (Int) -> Step
  ) throws -> LetterListing {
    var found: [LetterSummary] = []
    var damaged: [Damage] = []
    var missing: [Damage] = []
    for index in 0..<manifest.count {
      let textToo: Bool
      switch step(index) {
      case .skip: continue
      case .found(let summary):
        found.append(summary)
        continue
      case .fieldsOnly: textToo = false
      case .whole: textToo = true
      }
      let entry = manifest.entry(at: index)
      do {
        let (id, meta) = try tx.metaFromIndex(entry, depth: textToo ? .head : .summary)
        let summary = LetterFacts.summary(id, meta)
        let matched =
          textToo
          ? try test.matches(summary) { try tx.loadBody(id, meta: meta, revision: meta.revisions.last!) }
          : test.filter.matches(summary) && test.fieldsMatch(summary)
        if matched { found.append(summary) }
      } catch RecordError.damaged(let problems) {
        let gone = Damage.missingLetter(LetterID(bytes: entry.letterID))
        damaged += problems.filter { $0 != gone }
        missing += problems.filter { $0 == gone }
      }
    }
    Self.sortNewestFirst(&found)
    return LetterListing(letters: found, damaged: damaged + missing)
  }

  /// Each manifest entry's verdict from its TEXT INDEX entry, read in place from the
  /// decrypted rows (no entry structs). An entry counts only when its META version and hash
  /// equal the manifest's; a bucket with two rows, or one that fails to open or parse, gives
  /// `unknown` for all its letters.
  func textVerdicts(_ probe: SignatureProbe, manifest: ManifestIndex, in tx: RecordTransaction) throws
    -> Verdicts
  {
    try textVerdicts(probe, manifest: manifest, in: tx, givingUpAbove: .max)!
  }

  /// As above, or nil as soon as more than `limit` signatures let the words through: the
  /// search would then read more than `limit` letters, whatever the rest of the index says (a
  /// verdict later withdrawn by a duplicated bucket becomes `unknown`, also read), so the rows
  /// left are not decrypted.
  func textVerdicts(
    _ probe: SignatureProbe, manifest: ManifestIndex, in tx: RecordTransaction, givingUpAbove limit: Int
  ) throws -> Verdicts? {
    var verdicts = Verdicts(
      text: [TextVerdict](repeating: .unknown, count: manifest.count),
      fields: [TextVerdict](repeating: .unknown, count: manifest.count))
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
          for index in filled {
            verdicts.text[index] = .unknown
            verdicts.fields[index] = .unknown
          }
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
            index, text, fields in
            let possible = probe.mayMatch(text.filter, log2Bits: text.log2Bits, nonASCII: text.nonASCII)
            verdicts.text[index] = possible ? .possible : .ruledOut
            if let fields {
              let maybe = probe.mayMatch(fields.filter, log2Bits: fields.log2Bits, nonASCII: fields.nonASCII)
              verdicts.fields[index] = maybe ? .possible : .ruledOut
            }
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

  /// One filter of an entry, in place: its bits, their count's log2, its non-ASCII flag.
  private typealias Filter = (filter: UnsafeRawBufferPointer, log2Bits: Int, nonASCII: Bool?)

  /// Parses one bucket as strictly as ``SignatureBucket/init(parsing:bucket:)`` and hands over
  /// each entry that matches the manifest: its manifest index, its text filter and (format 3)
  /// its fields filter, in place.
  private func readSignatureBucket(
    _ plaintext: [UInt8], bucket: UInt8, manifest: ManifestIndex, cursor: inout Int,
    _ found: (Int, Filter, Filter?) -> Void
  ) throws(ByteReader.Malformed) {
    var reader = try SignatureBucket.header(plaintext, bucket: bucket)
    let format = plaintext[0]
    var previous: Range<Int>?
    for _ in 0..<(try SignatureBucket.count(&reader)) {
      let (id, version, hash) = try SignatureEntry.readKeySpans(&reader)
      let flags = try SignatureEntry.readFlags(&reader, format: format)
      let size = try SignatureEntry.readFilter(&reader)
      let filter = try reader.span(size.count)
      var fields: (log2Bits: Int, span: Range<Int>)?
      if flags.fields != nil {
        let fieldsSize = try SignatureEntry.readFilter(&reader, fields: true)
        fields = (fieldsSize.log2Bits, try reader.span(fieldsSize.count))
      }
      try SignatureBucket.check(plaintext[id], bucket: bucket, after: previous.map { plaintext[$0] })
      previous = id
      plaintext.withUnsafeBytes { raw in
        if let index = manifest.seek(UnsafeRawBufferPointer(rebasing: raw[id]), from: &cursor),
          manifest.entry(at: index, hasVersion: version, hash: UnsafeRawBufferPointer(rebasing: raw[hash]))
        {
          found(
            index, (UnsafeRawBufferPointer(rebasing: raw[filter]), size.log2Bits, flags.text),
            fields.map { (UnsafeRawBufferPointer(rebasing: raw[$0.span]), $0.log2Bits, flags.fields) })
        }
      }
    }
    try reader.finish()
  }
}
