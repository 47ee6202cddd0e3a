// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "letters",
  products: [
    .library(name: "LetterVault", targets: ["LetterVault"]),
    .executable(name: "letters", targets: ["letters"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    // YAML front matter in imported Markdown (FORMAT.md §19 "Import files").
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // libsodium from the system (Debian: libsodium-dev 1.0.18). FORMAT.md §2.
    .systemLibrary(
      name: "CSodium",
      pkgConfig: "libsodium",
      providers: [.apt(["libsodium-dev"]), .brew(["libsodium"])]
    ),
    // prctl, statfs and the kernel-keyring syscalls, which Swift's Glibc module does not import.
    .target(name: "CSystem"),
    // A prefetch hint for the record layer's walks (docs/PERFORMANCE.md round 14): no syscall.
    .target(name: "CHints"),
    // The lower layers (docs/ARCHITECTURE.md "The layers"): bytes, keys, SQLite and the record
    // layer. Services reach them only through `package` API; GRDB and libsodium stay below.
    .target(
      name: "VaultRecords",
      dependencies: ["CSodium", "CHints", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    // The services and the public `Vault` facade: no GRDB, no libsodium (scripts/check-layers).
    .target(
      name: "LetterVault",
      dependencies: ["VaultRecords", "CSystem", .product(name: "Yams", package: "Yams")],
      plugins: ["LayerGuard"]),
    .executableTarget(
      name: "letters",
      dependencies: [
        "LetterVault", "CSystem",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      plugins: ["LayerGuard"]
    ),
    // Fails the build of a target above the record layer that imports GRDB or libsodium
    // (docs/ARCHITECTURE.md "The layers").
    .executableTarget(name: "layer-guard", path: "Tools/layer-guard"),
    .plugin(name: "LayerGuard", capability: .buildTool(), dependencies: ["layer-guard"]),
    .executableTarget(
      name: "quickstart", dependencies: ["LetterVault"], path: "Examples/quickstart"),
    .executableTarget(
      name: "cooling-off", dependencies: ["LetterVault"], path: "Examples/cooling-off"),
    .executableTarget(name: "export", dependencies: ["LetterVault"], path: "Examples/export"),
    // What both test targets share (docs/ARCHITECTURE.md "Tests follow the same map"): the
    // seeded generator, the test clock, the raw-file tamper helper, the tmux driver. Not a
    // test target itself; its declarations are `package`.
    .target(
      name: "TestSupport",
      dependencies: ["LetterVault", .product(name: "GRDB", package: "GRDB.swift")],
      path: "Tests/TestSupport"),
    .testTarget(
      name: "LetterVaultTests",
      dependencies: [
        "TestSupport", "LetterVault", "VaultRecords", "CSodium", "CSystem",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Fixtures"], resources: [.copy("Vectors")]),
    .testTarget(
      name: "lettersTests",
      dependencies: ["letters", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
      exclude: ["Fixtures"]),
  ]
)
