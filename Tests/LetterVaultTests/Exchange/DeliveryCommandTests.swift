import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

@Suite struct DeliveryCommandTests {
  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("letters-cmd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func theMessageArrivesOnStdinByteForByte() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("message").path
    let message = Array("To: a@example.org\n\nÜnïcödé\n".utf8)
    let outcome = DeliveryCommand(command: "cat > '\(out)'", environment: [:], timeout: 10).run(message)
    #expect(outcome == .accepted)
    #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: out))) == message)
  }

  @Test func aFailingCommandIsRefusedWithWhatItSaidOnStderr() {
    let outcome = DeliveryCommand(
      command: "echo 'msmtp: cannot connect' >&2; echo 'msmtp: could not send mail' >&2; exit 75",
      environment: [:], timeout: 10
    ).run(Array("x".utf8))
    #expect(outcome == .refused("msmtp: cannot connect — msmtp: could not send mail"))
  }

  @Test func aSilentFailureNamesTheExitStatus() {
    let outcome = DeliveryCommand(command: "exit 3", environment: [:], timeout: 10).run([])
    #expect(outcome == .refused("the mail command exited with status 3"))
  }

  @Test func aCommandThatStopsReadingEarlyDoesNotTakeLettersDownWithIt() {
    let big = [UInt8](repeating: 0x61, count: 4 << 20)
    let outcome = DeliveryCommand(command: "head -c 10 >/dev/null; exit 1", environment: [:], timeout: 10).run(big)
    #expect(outcome == .refused("the mail command exited with status 1"))
  }

  @Test func aCommandThatHangsIsStoppedAndItsOutcomeIsUnknown() {
    let outcome = DeliveryCommand(command: "exec sleep 30", environment: [:], timeout: 0.5).run([])
    #expect(outcome == .unknown("the mail command did not finish within 0 seconds and was stopped"))
  }

  @Test func theCommandGetsExactlyTheEnvironmentItIsGiven() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("env").path
    let outcome = DeliveryCommand(
      command: "env > '\(out)'", environment: ["PATH": "/usr/bin:/bin", "ONLY": "this"], timeout: 10
    ).run([])
    #expect(outcome == .accepted)
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(lines.contains("ONLY=this"))
    #expect(!lines.contains { $0.hasPrefix("LETTERS_") })
  }

  @Test func deliverySettingsAndImportKeyRoundTripThroughSettings() throws {
    var settings = VaultSettings(timeZoneIdentifier: "Europe/Berlin")
    let plain = settings.serialized()
    settings.delivery = DeliverySettings(command: "msmtp -t", from: "me@example.org")
    settings.importKey = Array(repeating: 7, count: 32)
    let parsed = try VaultSettings(parsing: settings.serialized())
    #expect(parsed == settings)
    // Unset sections are not written at all.
    #expect(try VaultSettings(parsing: plain).delivery == nil)
    #expect(plain.count < settings.serialized().count)
  }

  @Test func anImportKeyOfTheWrongLengthIsDamage() {
    var writer = ByteWriter()
    VaultSettings(timeZoneIdentifier: "UTC").section(.importKey, into: &writer) { $0.raw([1, 2, 3]) }
    let bytes = VaultSettings(timeZoneIdentifier: "UTC").serialized() + writer.bytes
    #expect(throws: ByteReader.Malformed.self) { try VaultSettings(parsing: bytes) }
  }
}
