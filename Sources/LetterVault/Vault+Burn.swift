/// A minimal burn (product.md "States": from draft or held, after a confirmation the CLI
/// asks for). The letter's rows — metadata, every text revision, every note — and its index
/// entry go in one transaction; `secure_delete` overwrites the freed pages (security.md
/// §1.17 has the best-effort caveats). Issue 5 builds the full burn on top of this.
extension Vault {
  /// Destroys a draft or held letter. A sent letter is kept.
  public func burn(_ id: LetterID) throws(VaultError) {
    try mutate { session, manifest in
      let (meta, _) = try loadMeta(id, in: session, manifest: manifest)
      guard meta.state != .sent else {
        throw VaultError.notAllowed("letter \(id.short) was sent, so it is kept; a note can still be added")
      }
      for field in [FieldTag.meta, .body, .note] {
        try session.delete(id.bytes, field: field.rawValue)
      }
      manifest.entries[id.bytes] = nil
    }
  }
}
