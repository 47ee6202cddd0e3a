// libFuzzer entry point for the Format/ parsers (SECURITY.md §2–T30). Built by scripts/fuzz
// together with Sources/VaultRecords/Format/*.swift in one module, so the internal parsers are
// reached directly: no test-only API in the library. FUZZ_TARGET picks the parser.
import Foundation

private let target = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "keyslot"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  switch target {
  case "keyslot": FuzzTargets.keyslot(bytes)
  case "envelope": FuzzTargets.envelope(bytes)
  case "meta": FuzzTargets.meta(bytes)
  case "manifest": FuzzTargets.manifest(bytes)
  case "manifestroot": FuzzTargets.manifestroot(bytes)
  case "manifestbucket": FuzzTargets.manifestbucket(bytes)
  case "settings": FuzzTargets.settings(bytes)
  case "listing": FuzzTargets.listing(bytes)
  case "textindex": FuzzTargets.textindex(bytes)
  case "recovery": FuzzTargets.recovery(bytes)
  case "importers": FuzzTargets.importers(bytes)
  case "schema": FuzzTargets.schema(bytes)
  default: fatalError("unknown FUZZ_TARGET \(target)")
  }
  return 0
}
