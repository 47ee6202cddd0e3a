import PropertyBased
import Testing

/// Random histories of write, edit, hold, send, cancel, release, rule changes, time passing,
/// clock jumps and restarts, checked against ``CoolingModel`` (SECURITY.md §2).
@Suite struct CoolingModelTests {
  @Test func randomHistoriesNeverReleaseEarlyTwiceOrWithoutTheCurrentFingerprint() async {
    await propertyCheck(count: 100, input: Gen.int(in: 0...99_999).array(of: 5...30)) { numbers in
      try CoolingModel.run(numbers)
    }
  }

  @Test func aLongHistoryWithoutClockTroubleReleasesExactlyWhenTheModelSays() async {
    // Only writes, edits, requests, releases, rule changes and time passing: no jumps, so
    // the model is exact and "not released although due" is checked at every release.
    let calm = Gen.int(in: 0...99_999).filter { number in
      let step = CoolingModel.table[number % CoolingModel.table.count]
      return step != .jumpForward && step != .setBack
    }
    await propertyCheck(count: 20, input: calm.array(of: 20...50)) { numbers in
      try CoolingModel.run(numbers)
    }
  }
}
