/// The upgrade to fine padding (FORMAT.md §5.3): the first write of a vault whose MANIFEST root
/// is older than format 4 seals every LISTING and TEXT INDEX row again, unchanged but padded
/// finely, in the same transaction as the manifest buckets and RECENT, which that write
/// rewrites whole. After it every `list` and `search` decrypts about a quarter fewer bytes
/// (docs/PERFORMANCE.md).
extension RecordTransaction {
  /// Re-seals each bucket row of `field` (LISTING or TEXT INDEX) that opens as revision `epoch`,
  /// one bucket at a time. A bucket with two rows, or one that does not open, is left as it is:
  /// readers already pass over it (and `verify` names it), and the next write of one of its
  /// letters replaces it.
  func repadBucketRows(
    field: FieldTag, key: RecordKey, epoch: UInt64, objectID: (UInt8) -> [UInt8]
  ) throws {
    for bucket in UInt8.min...UInt8.max {
      let id = objectID(bucket)
      let rows = try session.objects(id, field: field.rawValue)
      guard rows.count == 1, let row = rows.first,
        var plaintext = try? row.envelope.withUnsafeBytes({ raw in
          try cipher.open(raw, field: field, objectID: id, revision: row.revision, key: key)
        })
      else { continue }
      defer { wipe(&plaintext) }
      try replaceBucketRow(id, field: field, key: key, epoch: epoch, with: plaintext)
    }
  }
}
