import Foundation
import Testing

@testable import letters

/// The editor's header: written with the flags' values, read back leniently.
@Suite struct LetterHeaderTests {
  let given = LetterHeader(to: "Mum", subject: "", tags: [])

  func read(_ text: String, from header: LetterHeader? = nil) -> (LetterHeader, String) {
    let (read, body) = (header ?? given).parse(Array(text.utf8))
    return (read, String(decoding: body, as: UTF8.self))
  }

  @Test func composedHeaderReadsBackToTheSameFieldsAndText() {
    let header = LetterHeader(to: "Dr Hale", subject: "Tuesday", tags: ["therapy", "unsent"])
    let text = Array("Dear …\n\nTo: not a header here\n".utf8)
    let composed = header.compose(body: text)
    #expect(String(decoding: composed, as: UTF8.self).hasPrefix("To: Dr Hale\nSubject: Tuesday\nTags: therapy, unsent\n\nDear"))
    let (read, body) = LetterHeader(to: "", subject: "", tags: []).parse(composed)
    #expect(read == header)
    #expect(body == text)
  }

  @Test func fieldsFilledInTheEditorAreTaken() {
    let (header, body) = read("to:  Dr Secret Therapist \nSUBJECT: about the affair\nTags: a, , b\n\nText\n")
    #expect(header == LetterHeader(to: "Dr Secret Therapist", subject: "about the affair", tags: ["a", "b"]))
    #expect(body == "Text\n")
  }

  @Test func aDeletedHeaderKeepsTheFlagsAndTheWholeText() {
    let (header, body) = read("Dear Mum,\nTo: this is text\n")
    #expect(header == given)
    #expect(body == "Dear Mum,\nTo: this is text\n")
  }

  @Test func textTypedRightUnderTheHeaderIsKept() {
    let (header, body) = read("To: Mum\nSubject: s\nDear Mum,\n")
    #expect(header.subject == "s")
    #expect(body == "Dear Mum,\n")
  }

  @Test func onlyTheFirstBlankLineEndsTheHeaderAndCRLFIsRead() {
    let (header, body) = read("To: Dad\r\nSubject: x\r\n\r\n\r\nDear Dad\r\n")
    #expect(header.to == "Dad" && header.subject == "x")
    #expect(body == "\r\nDear Dad\r\n")
  }

  @Test func aLeadingBlankLineIsText() {
    let (header, body) = read("\nTo: Dad\n")
    #expect(header == given)
    #expect(body == "\nTo: Dad\n")
  }

  @Test func jotHasNoTagsLineAndATagsLineIsTextThere() {
    let jot = LetterHeader(to: "", subject: "", tags: nil)
    #expect(String(decoding: jot.compose(body: []), as: UTF8.self) == "To: \nSubject: \n\n")
    let (header, body) = jot.parse(Array("To: Mum\nTags: x\n".utf8))
    #expect(header.to == "Mum" && header.tags == nil)
    #expect(String(decoding: body, as: UTF8.self) == "Tags: x\n")
  }

  @Test func aNewlineInAFlagStaysOnItsHeaderLine() {
    let header = LetterHeader(to: "Mum\nSubject: injected", subject: "", tags: [])
    let (read, _) = LetterHeader(to: "", subject: "", tags: []).parse(header.compose(body: Array("x".utf8)))
    #expect(read.to == "Mum Subject: injected")
    #expect(read.subject == "")
  }

  @Test func nonUTF8TextAfterTheHeaderIsKeptByteForByte() {
    let text: [UInt8] = [0xFF, 0xFE, 0x0A, 0xC3]
    let (_, body) = given.parse(given.compose(body: text))
    #expect(body == text)
  }
}
