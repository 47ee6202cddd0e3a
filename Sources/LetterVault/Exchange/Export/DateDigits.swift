import VaultRecords
/// A local calendar date and time to the second, from seconds since 1970 and a zone offset,
/// for ``ExportDates``: the proleptic Gregorian calendar the formatters use from 1900 on.
struct DateDigits {
  let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

  /// Nil outside 1900–9999 or for an offset that is not whole minutes (the formatters' cases).
  init?(seconds: Double, offset: Int) {
    guard seconds > -2_208_988_800, seconds < 253_402_300_800, offset % 60 == 0 else { return nil }
    let local = Int(seconds) + offset
    var days = local / 86_400
    var rest = local % 86_400
    if rest < 0 {
      rest += 86_400
      days -= 1
    }
    // Days since 1970-01-01 to a date (H. Hinnant's `civil_from_days`).
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    guard year >= 1900, year <= 9999 else { return nil }
    hour = rest / 3600
    minute = rest % 3600 / 60
    second = rest % 60
  }

  /// A positive number's decimal digits.
  static func number(_ value: Int, to bytes: inout [UInt8]) {
    if value >= 10 { number(value / 10, to: &bytes) }
    bytes.append(0x30 + UInt8(value % 10))
  }

  /// Two digits, with a leading zero.
  static func two(_ value: Int, to bytes: inout [UInt8]) {
    bytes.append(0x30 + UInt8(value / 10))
    bytes.append(0x30 + UInt8(value % 10))
  }
}
