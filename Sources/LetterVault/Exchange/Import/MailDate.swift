import VaultRecords
import Foundation

/// A mail date as mail clients read it (FORMAT.md §19 "Import files"): RFC 5322 §3.3 with
/// the obsolete forms of §4.3 — two-digit years (00–49 are 2000–2049, 50–99 are 1950–1999),
/// three-digit years (+1900), the named US zones — plus the zone names mail still carries
/// (CEST, MSK, JST, …), asctime (`Sat Nov 22 10:00:00 2026`, as in mbox `From ` lines) and
/// `21-Nov-97`. Hand-written rather than DateFormatter: Foundation reads `97` as the year 97.
struct MailDate: Equatable {
  let date: Date
  /// The zone named in the text, when letters did not know it (then the time is read as UTC).
  let unknownZone: String?

  init?(_ raw: String) {
    var text = ""
    var depth = 0
    for character in raw.prefix(200) {  // comments (RFC 5322 §3.2.2) go
      if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 {
        text.append(character == "," ? " " : character)
      }
    }
    var tokens: [Substring] = []
    for var token in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
      // 00:01+0000: a zone written against the time.
      if token.contains(":"), let sign = token.lastIndex(where: { $0 == "+" || $0 == "-" }), sign > token.startIndex {
        tokens.append(token[..<sign])
        token = token[sign...]
      }
      // 21-Nov-97
      let dashed = token.split(separator: "-", omittingEmptySubsequences: false)
      if dashed.count == 3, dashed.allSatisfy({ !$0.isEmpty }), Self.month(dashed[1]) != nil {
        tokens += dashed
      } else {
        tokens.append(token)
      }
    }
    var month: Int?
    var numbers: [Int] = []
    var numberDigits: [Int] = []
    var monthBeforeDay = false
    var time: (Int, Int, Int)?
    var offset: Int?
    var unknown: String?
    for token in tokens {
      if time == nil, token.contains(":") {
        let fields = token.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0 != nil }) else { return nil }
        time = (fields[0]!, fields[1]!, fields.count == 3 ? fields[2]! : 0)
      } else if let value = Self.month(token), month == nil {
        month = value
        monthBeforeDay = numbers.isEmpty
      } else if token.allSatisfy(\.isASCII), let number = Int(token), !token.hasPrefix("+"), !token.hasPrefix("-") {
        numbers.append(number)
        numberDigits.append(token.count)
      } else if time != nil, offset == nil, let seconds = Self.numericZone(token) {
        offset = seconds
      } else if time != nil, offset == nil, token.allSatisfy({ $0.isASCII && $0.isLetter }) {
        if let seconds = Self.namedZones[token.uppercased()] {
          offset = seconds
        } else if token.count == 1 {
          offset = 0  // military zones: RFC 5322 §4.3 reads them as -0000
        } else {
          offset = 0
          unknown = String(token)
        }
      } else if month == nil && numbers.isEmpty, Self.weekdays.contains(token.prefix(3).lowercased()) {
        continue
      } else {
        return nil
      }
    }
    guard let month, numbers.count == 2, let time else { return nil }
    var (day, year, yearDigits) = (numbers[0], numbers[1], numberDigits[1])
    if !monthBeforeDay && numberDigits[0] == 4 { (day, year, yearDigits) = (numbers[1], numbers[0], 4) }
    if yearDigits == 2 { year += year < 50 ? 2000 : 1900 } else if yearDigits == 3 { year += 1900 }
    guard (1...9999).contains(year), (1...Self.days(in: month, of: year)).contains(day),
      (0...23).contains(time.0), (0...59).contains(time.1), (0...60).contains(time.2)
    else { return nil }
    let days = Self.daysFromCivil(year: year, month: month, day: day)
    let seconds = days * 86_400 + time.0 * 3600 + time.1 * 60 + min(time.2, 59) - (offset ?? 0)
    date = Date(timeIntervalSince1970: TimeInterval(seconds))
    unknownZone = unknown
  }

  private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
  private static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

  private static func month(_ token: Substring) -> Int? {
    guard token.count >= 3, token.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
    return months.firstIndex(of: token.prefix(3).lowercased()).map { $0 + 1 }
  }

  /// `+0200`, `-0500` (RFC 5322 §3.3).
  private static func numericZone(_ token: Substring) -> Int? {
    guard token.count == 5, let sign = token.first, sign == "+" || sign == "-",
      let value = Int(token.dropFirst()), token.dropFirst().allSatisfy(\.isASCII)
    else { return nil }
    let seconds = (value / 100) * 3600 + (value % 100) * 60
    return sign == "-" ? -seconds : seconds
  }

  /// RFC 5322 §4.3's zones, then the common ones mail clients still write. Names that mean
  /// two different places (IST: India, Ireland, Israel) are left out and read as unknown.
  static let namedZones: [String: Int] = {
    let hours: [String: Double] = [
      "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
      "MDT": -6, "PST": -8, "PDT": -7, "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5, "AKST": -9,
      "AKDT": -8, "HST": -10, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2,
      "MEZ": 1, "MESZ": 2, "EET": 2, "EEST": 3, "MSK": 3, "MSD": 4, "JST": 9, "KST": 9, "HKT": 8,
      "SGT": 8, "AWST": 8, "ACST": 9.5, "ACDT": 10.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    ]
    return hours.mapValues { Int($0 * 3600) }
  }()

  private static func days(in month: Int, of year: Int) -> Int {
    guard (1...12).contains(month) else { return 0 }
    if month == 2 { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28 }
    return [4, 6, 9, 11].contains(month) ? 30 : 31
  }

  /// Days since 1970-01-01 in the proleptic Gregorian calendar.
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
