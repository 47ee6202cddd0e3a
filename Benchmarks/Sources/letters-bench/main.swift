import Foundation
import LetterVault

// letters-bench corpus N PATH [B]  make a vault of N corpus letters of ~B bytes (KDF: interactive)
// letters-bench jrnl N PATH        the same corpus as a plaintext jrnl journal
// letters-bench run PATH [RUNS]    time every operation with the key already derived
// letters-bench memory OP PATH     run one operation and print peak RSS (MiB)
// letters-bench kdf                time Argon2id for each --kdf preset
// letters-bench mail [BYTES] [RUNS] import one nested-multipart message (default 400 KB)
let arguments = CommandLine.arguments.dropFirst().map { $0 }
let passphrase = { Passphrase("benchmark passphrase, not secret") }

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("letters-bench: \(message)\n".utf8))
  exit(64)
}

switch arguments.first {
case "corpus":
  guard arguments.count >= 3, let count = Int(arguments[1]) else { fail("corpus N PATH [BODY_BYTES]") }
  let start = Clock.now()
  let bodyBytes = arguments.count > 3 ? Int(arguments[3]) ?? 1450 : 1450
  try CorpusWriter.write(count: count, to: arguments[2], passphrase: passphrase(), bodyBytes: bodyBytes)
  print(String(format: "wrote %d letters in %.1f s", count, Clock.now() - start))
case "jrnl":
  guard arguments.count == 3, let count = Int(arguments[1]) else { fail("jrnl N PATH") }
  try JrnlWriter.write(count: count, to: arguments[2])
case "run":
  guard arguments.count >= 2 else { fail("run PATH [RUNS]") }
  let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
  try Suite.run(path: arguments[1], passphrase: passphrase(), runs: runs)
case "memory":
  guard arguments.count == 3 else { fail("memory list|search PATH") }
  let vault = try Vault.open(at: arguments[2], passphrase: passphrase())
  switch arguments[1] {
  case "list": _ = try vault.list()
  case "search": _ = try vault.search(Corpus.marker)
  case "export": _ = try MarkdownExport.run(vault)
  default: fail("memory list|search|export PATH")
  }
  print(String(format: "%.1f", Clock.peakMiB()))
case "kdf":
  try KDFTiming.run()
case "mail":
  let bytes = arguments.count > 1 ? Int(arguments[1]) ?? 400_000 : 400_000
  try NestedMail.run(bytes: bytes, runs: arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5)
default:
  fail("corpus | run | memory | kdf | mail")
}
