// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "bitext",
  products: [
    .library(name: "BitextKit", targets: ["BitextKit"]),
    .executable(name: "bitext", targets: ["bitext"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    // System ICU. Never imported by Swift (see docs/architecture.md): only CICUShim's C file sees it.
    .systemLibrary(
      name: "CICU",
      pkgConfig: "icu-uc icu-i18n",
      providers: [.apt(["libicu-dev", "pkg-config"])]
    ),
    // An ICU-free C interface (stdint types, UTF-8 buffers, opaque handles) over the ICU calls bitext needs.
    .target(
      name: "CICUShim",
      dependencies: ["CICU"],
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
    ),
    // Byte scans with SSE2 where Swift has no vector compare-to-mask.
    .target(name: "CByteScan"),
    // The sentence encoder's hot kernels: the 4-bit matrix product (AVX-512 VNNI, AVX2, scalar) and
    // attention.
    .target(name: "CEncoderKernels"),
    // Snowball stemmers (libstemmer).
    .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
    .target(
      name: "BitextKit",
      dependencies: ["CByteScan", "CEncoderKernels", "CICUShim", "CStemmer"]
    ),
    .executableTarget(
      name: "bitext",
      dependencies: [
        "BitextKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Resources/ (the embedding reference vectors) is read through #filePath, like Fixtures/.
    .testTarget(
      name: "BitextKitTests",
      dependencies: ["BitextKit", "CEncoderKernels"],
      exclude: ["Resources"]
    ),
    .testTarget(name: "bitextTests", dependencies: ["BitextKit"]),
  ]
)
