/// The entries of a ``Manifest``, by 16-byte letter id, split into buckets by the id's first
/// byte (FORMAT.md §6.3). A bucket is opened from its row when it is first looked at, through
/// the ``ManifestBucketSource`` of the transaction that read the root; a bucket changed here
/// is held in full and written back with the manifest, the others stay as they are.
package struct ManifestEntries: Equatable {
  package typealias Bucket = [[UInt8]: Manifest.Entry]

  /// Buckets changed (or, for a complete manifest, every bucket), in full.
  private var changed: [UInt8: Bucket] = [:]
  private let source: ManifestBucketSource?

  /// Every entry given; every non-empty bucket is to be written (a new vault, an upgrade).
  package init(complete entries: Bucket) {
    source = nil
    for (id, entry) in entries { changed[id[0], default: [:]][id] = entry }
  }

  package init(source: ManifestBucketSource) {
    self.source = source
  }

  /// True when no bucket rows back these entries: every bucket is written (FORMAT.md §6.3,
  /// the upgrade from format 1 and a new vault).
  package var isComplete: Bool { source == nil }

  /// The bucket numbers changed since the manifest was read.
  package var changedBuckets: [UInt8] { changed.keys.sorted() }

  /// The source the unchanged buckets come from, if any.
  package var bucketSource: ManifestBucketSource? { source }

  /// Whether bucket `number` is held here already (changed, or opened from its row).
  package func isLoaded(_ number: UInt8) -> Bool {
    changed[number] != nil || source?.isOpened(number) == true
  }

  /// The entries of one bucket as they stand.
  package func bucket(_ number: UInt8) -> Bucket {
    changed[number] ?? source?.bucket(number) ?? [:]
  }

  package subscript(id: [UInt8]) -> Manifest.Entry? {
    get {
      guard let first = id.first else { return nil }
      return bucket(first)[id]
    }
    set {
      guard let first = id.first else { return }
      if changed[first] == nil { changed[first] = source?.bucket(first) ?? [:] }
      changed[first]![id] = newValue
    }
  }

  /// Every bucket that may hold entries: the ones changed and the ones the root lists.
  private var bucketNumbers: [UInt8] {
    Array(Set(changed.keys).union(source?.listed ?? [])).sorted()
  }

  /// Every letter id (opens every bucket).
  package var keys: [[UInt8]] { bucketNumbers.flatMap { bucket($0).keys } }

  /// Every entry (opens every bucket).
  package var values: [Manifest.Entry] { bucketNumbers.flatMap { bucket($0).values } }

  package var count: Int { bucketNumbers.reduce(0) { $0 + bucket($1).count } }

  package static func == (lhs: ManifestEntries, rhs: ManifestEntries) -> Bool {
    let numbers = Set(lhs.bucketNumbers).union(rhs.bucketNumbers)
    return numbers.allSatisfy { lhs.bucket($0) == rhs.bucket($0) }
  }
}

/// Opens the buckets of one stored manifest root for ``ManifestEntries``, once each, within
/// the transaction that read the root. A bucket that fails its checks gives no entries and is
/// remembered: a write refuses to store a manifest that met one (fail closed, FORMAT.md §6.3),
/// and a read names it through `failure(of:)`.
package final class ManifestBucketSource {
  /// The buckets the root lists.
  package let listed: [UInt8]
  private let open: (UInt8) throws -> ManifestEntries.Bucket
  private var opened: [UInt8: ManifestEntries.Bucket] = [:]
  private var failures: [UInt8: any Error] = [:]

  package init(listed: [UInt8], open: @escaping (UInt8) throws -> ManifestEntries.Bucket) {
    self.listed = listed
    self.open = open
  }

  package func bucket(_ number: UInt8) -> ManifestEntries.Bucket {
    if let found = opened[number] { return found }
    var found: ManifestEntries.Bucket = [:]
    do { found = try open(number) } catch { failures[number] = error }
    opened[number] = found
    return found
  }

  package func isOpened(_ number: UInt8) -> Bool { opened[number] != nil }

  /// The error bucket `number` failed with, if it was opened and failed.
  package func failure(of number: UInt8) -> (any Error)? {
    _ = bucket(number)
    return failures[number]
  }

  /// The first failure met so far, if any.
  package var anyFailure: (any Error)? { failures.sorted { $0.key < $1.key }.first?.value }
}
