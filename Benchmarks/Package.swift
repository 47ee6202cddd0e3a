// swift-tools-version: 6.1
// Benchmarks for letters, outside `swift test` (no timing assertions in unit tests).
// Run: scripts/bench (whole process, side by side) or `swift run -c release letters-bench`.
import PackageDescription

let package = Package(
  name: "letters-benchmarks",
  dependencies: [.package(name: "main", path: "..")],
  targets: [
    // libsodium directly, for the decrypt-only floor.
    .systemLibrary(name: "CSodiumBench", pkgConfig: "libsodium"),
    .executableTarget(
      name: "letters-bench",
      dependencies: [.product(name: "LetterVault", package: "main"), "CSodiumBench"]
    ),
  ]
)
