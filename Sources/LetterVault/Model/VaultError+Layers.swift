import VaultRecords

/// The one translation of the lower layers' errors into the facts the library throws
/// (ARCHITECTURE.md "Errors carry facts"). Crypto, Storage and the record layer each throw
/// their own type; a service meets them only through RecordStore+Boundary.swift and
/// `VaultError.translating`, which both come here.
extension VaultError {
  init(_ error: CryptoError) {
    switch error {
    case .unavailable: self = .cryptoUnavailable
    case .outOfMemory: self = .outOfMemory
    }
  }

  init(_ error: StorageError) {
    switch error {
    case .notAVault: self = .damaged([Self.fileDamage("not a letters vault")])
    case .schemaAltered: self = .damaged([Self.fileDamage("its table definitions were changed")])
    case .structureDamaged: self = .damaged([Self.fileDamage("the database structure is damaged")])
    case .unexpectedSchemaObject(let type, let name):
      self = .damaged([
        Damage(letterID: nil, part: .schemaObject(type: type, name: name), reason: "letters never makes this")
      ])
    case .unsupportedFormat(let version): self = .unsupportedVersion(version)
    case .notFound(let path): self = .vaultNotFound(path: path)
    case .alreadyExists(let path): self = .vaultAlreadyExists(path: path)
    case .unsafe(let path, let reason): self = .unsafeFile(path: path, reason: reason)
    case .io(let path, let reason): self = .io(path: path, reason: reason)
    case .diskFull(let path): self = .io(path: path, reason: "the disk is full")
    case .readOnly(let path): self = .io(path: path, reason: "no permission to write")
    case .replaced(let path):
      self = .io(
        path: path,
        reason: "the file was replaced while letters had it open (by a sync tool?), so nothing was written; try again")
    case .busy: self = .busy
    case .outOfMemory: self = .outOfMemory
    }
  }

  init(_ error: RecordError) {
    switch error {
    case .damaged(let damage): self = .damaged(damage)
    case .letterNotFound(let id): self = .letterNotFound(id)
    case .noKeyslotOpens(.recoveryKey): self = .wrongRecoveryKey
    case .noKeyslotOpens: self = .wrongPassphrase
    case .kdfCostTooHigh: self = .kdfCostTooHigh
    case .crypto(let error): self.init(error)
    }
  }

  /// Whatever a transaction or a lower-layer call threw. A `VaultError` a service threw inside
  /// a transaction passes unchanged; an error no layer names (never expected) becomes an
  /// input/output failure of the file, named by its type only, so no text of it can leak.
  init(translating error: any Error, path: String) {
    switch error {
    case let error as VaultError: self = error
    case let error as RecordError: self.init(error)
    case let error as StorageError: self.init(error)
    case let error as CryptoError: self.init(error)
    default: self = .io(path: path, reason: String(describing: type(of: error)))
    }
  }

  /// Runs a call into a lower layer and translates what it throws.
  static func translating<T, E: Error>(path: String = "", _ body: () throws(E) -> T) throws(VaultError) -> T {
    do { return try body() } catch { throw VaultError(translating: error, path: path) }
  }

  private static func fileDamage(_ reason: String) -> Damage {
    Damage(letterID: nil, part: .vaultFile, reason: reason)
  }
}
