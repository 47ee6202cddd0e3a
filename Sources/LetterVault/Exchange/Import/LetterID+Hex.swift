import VaultRecords
extension LetterID {
  /// A full 32-character hex id, as exports write it.
  init?(hex: String) {
    let digits = Array(hex.lowercased().utf8)
    guard digits.count == 2 * FormatConstant.idByteCount, Hex.isHex(hex) else { return nil }
    var bytes: [UInt8] = []
    for index in stride(from: 0, to: digits.count, by: 2) {
      guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)
      else { return nil }
      bytes.append(byte)
    }
    self.init(bytes: bytes)
  }
}
