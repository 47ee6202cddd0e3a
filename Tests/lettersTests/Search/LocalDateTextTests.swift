import Foundation
import Testing

@testable import letters

/// `list` writes its dates as bytes (ListLines.swift); they must be the very text the rest of
/// the tool shows, and the formatter's for dates outside 1900–9999.
@Suite struct LocalDateTextTests {
  @Test func bytesAndStringAgreeOnEveryKindOfDate() {
    var state: UInt64 = 0x0DA7_E5
    var dates: [Date] = [
      Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -2_208_988_801),
      Date(timeIntervalSince1970: 253_402_300_800), Date(timeIntervalSince1970: 1_800_000_000.999),
    ]
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      dates.append(Date(timeIntervalSince1970: Double(Int64(bitPattern: state >> 1) % 8_000_000_000)))
    }
    for date in dates {
      var bytes: [UInt8] = []
      LocalDateText.append(date, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == LocalDateText.string(from: date), "\(date)")
    }
    let early = Date(timeIntervalSince1970: -5_000_000_000)  // 1811: the formatter's business
    #expect(LocalDateText.string(from: early) == LocalDateText.formatter.string(from: early))
  }

  /// The month names and the arithmetic are the formatter's, without ICU. Seen failing with
  /// "Sept" written for September (481 of the 6,000 dates differed).
  @Test func theTextIsTheFormattersOnDatesOfEveryMonthAndHour() {
    #expect(LocalDateText.months == LocalDateText.formatter.shortMonthSymbols)
    let minutes = DateFormatter()
    minutes.locale = Locale(identifier: "en_GB")
    minutes.dateFormat = "HH:mm"
    var state: UInt64 = 0x5EED_0F_DA7E
    for _ in 0..<6_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      // 1901 to 2100, to the second.
      let date = Date(timeIntervalSince1970: Double(Int64(bitPattern: state >> 1) % 3_150_000_000 - 2_200_000_000))
      #expect(LocalDateText.string(from: date) == LocalDateText.formatter.string(from: date), "\(date)")
      #expect(LocalDateText.hourMinute(date) == minutes.string(from: date), "\(date)")
    }
  }
}
