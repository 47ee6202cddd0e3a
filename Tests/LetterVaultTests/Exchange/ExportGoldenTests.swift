import Foundation
import LetterVault
import Testing

@Suite struct ExportGoldenTests {
  static func render(_ format: ExportFormat, ids: Int? = nil) throws -> [UInt8] {
    let fixture = try ExchangeFixture()
    defer { fixture.remove() }
    var bundle = try fixture.vault.exportBundle()
    if let ids {
      bundle = try fixture.vault.exportBundle(ids: [bundle.letters[ids].letter.summary.id])
    }
    return LetterExporter(format: format, timeZone: ExchangeFixture.berlin).render(bundle)
  }

  @Test(arguments: [
    (ExportFormat.txt, "export/letters.txt"), (.md, "export/letters.md"),
    (.html, "export/letters.html"), (.json, "export/letters.json"), (.eml, "export/letters.mbox"),
  ])
  func everyFormatMatchesItsGoldenFile(format: ExportFormat, file: String) throws {
    let actual = try Self.render(format)
    let expected = try Golden.expected(file, actual: actual)
    #expect(
      actual == expected,
      "\(file) differs at \(Golden.firstDifference(actual, expected)); run with LETTERS_UPDATE_GOLDEN=1 and review the diff")
  }

  @Test func oneLetterAsEmlIsASingleMessageWithCRLF() throws {
    let actual = try Self.render(.eml, ids: 1)
    let expected = try Golden.expected("export/held.eml", actual: actual)
    #expect(actual == expected, "\(Golden.firstDifference(actual, expected))")
    let text = String(decoding: actual, as: UTF8.self)
    #expect(!text.hasPrefix("From "))
    #expect(text.contains("\r\nX-Unsent: 1\r\n"))
  }

  @Test func htmlEscapesScriptInBodySubjectRecipientAndTags() throws {
    let html = String(decoding: try Self.render(.html), as: UTF8.self)
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
    #expect(html.contains("<h1>&lt;script&gt;alert(&#39;s&#39;)&lt;/script&gt; &amp; more</h1>"))
    #expect(html.contains("<dd>Sam &amp; &lt;Co&gt;</dd>"))
    #expect(html.contains("<dd>a&lt;b, draft</dd>"))
    #expect(html.contains("default-src 'none'"))
  }

  @Test func htmlPutsEachLetterOnItsOwnPageAndShowsTheState() throws {
    let html = String(decoding: try Self.render(.html), as: UTF8.self)
    #expect(html.components(separatedBy: "<article>").count == 4)
    #expect(html.contains("break-after: page"))
    #expect(html.contains("<p class=\"state\">DRAFT, not sent</p>"))
    #expect(html.contains("<p class=\"state\">HELD</p>"))
    // Sent 39 days before 3 May 2026 22:14 Berlin time: 25 March 2026, 21:14 (CET).
    #expect(html.contains("<p class=\"state\">SENT 25 Mar 2026 21:14</p>"))
  }

  @Test func lettersComeOldestFirst() throws {
    let text = String(decoding: try Self.render(.txt), as: UTF8.self)
    let mum = try #require(text.range(of: "To: Mum"))
    let hale = try #require(text.range(of: "To: Dr. Hale"))
    let sam = try #require(text.range(of: "To: Sam"))
    #expect(mum.lowerBound < hale.lowerBound && hale.lowerBound < sam.lowerBound)
  }
}
