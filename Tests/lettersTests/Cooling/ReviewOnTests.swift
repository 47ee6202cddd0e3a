import Foundation
import Testing

/// `hold --review-on` names a moment still to come, on a faked clock (2027-01-12 is a
/// Tuesday; the fixture runs in UTC).
@Suite struct ReviewOnTests {
  func reviewOn(_ phrase: String, at time: String) throws -> (FakeTime, String, CLIResult) {
    let faked = try FakeTime.fixture()
    let id = try faked.vaultWithLetter(at: time)
    let held = try faked.run(["hold", id, "--review-on", phrase], at: time)
    return (faked, id, held)
  }

  func shownReviewOn(_ faked: FakeTime, _ id: String, at time: String) throws -> String? {
    let shown = try faked.run(["show", id, "--json"], at: time)
    let object = try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any]
    return object?["reviewOn"] as? String
  }

  @Test(arguments: [
    ("tonight", "2027-01-12 10:00:00", "2027-01-12T20:00:00Z"),
    ("tonight", "2027-01-12 21:10:00", "2027-01-12T22:00:00Z"),
    ("tomorrow", "2027-01-12 10:00:00", "2027-01-13T09:00:00Z"),
    ("tuesday", "2027-01-12 10:00:00", "2027-01-19T00:00:00Z"),
    ("friday", "2027-01-12 10:00:00", "2027-01-15T00:00:00Z"),
    ("2027-01-12", "2027-01-12 10:00:00", "2027-01-12T00:00:00Z"),
  ])
  func aLookAgainPhraseMeansTheFuture(phrase: String, at time: String, expected: String) throws {
    let (faked, id, held) = try reviewOn(phrase, at: time)
    defer { faked.fixture.remove() }
    #expect(held.status == 0, "\(held.stderr)")
    #expect(try shownReviewOn(faked, id, at: time) == expected)
  }

  @Test(arguments: ["2027-01-11", "yesterday", "3 days ago", "today 9am", "2027-01-12T09:59"])
  func aMomentAlreadyGoneIsRefused(phrase: String) throws {
    let faked = try FakeTime.fixture()
    defer { faked.fixture.remove() }
    let id = try faked.vaultWithLetter(at: "2027-01-12 10:00:00")
    let before = try faked.fixture.vaultBytes()
    let held = try faked.run(["hold", id, "--review-on", phrase], at: "2027-01-12 10:00:00")
    #expect(held.status == 64)
    #expect(
      held.stderr == "letters: “\(phrase)” has already passed; choose a time still to come, such as tonight, tomorrow or friday\n")
    #expect(try faked.fixture.vaultBytes() == before)
    #expect(try faked.state(id, at: "2027-01-12 10:00:00") == "draft")
  }
}
