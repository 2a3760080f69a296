// swift-tools-version:6.0
// bitext's benchmarks: a package of its own, so that `swift test` in the main package stays fast.
// One executable per area; run them release-built, e.g. `swift run -c release SegmentationBenchmark`.
import PackageDescription

let package = Package(
  name: "bitext-benchmarks",
  dependencies: [
    .package(name: "bitext", path: "..")
  ],
  targets: [
    // What the benchmarks share: a seeded generator, peak memory.
    .target(name: "BenchmarkSupport"),
    .executableTarget(
      name: "SegmentationBenchmark",
      dependencies: [.product(name: "BitextKit", package: "bitext"), "BenchmarkSupport"]
    ),
    .executableTarget(
      name: "AlignmentBenchmark",
      dependencies: [.product(name: "BitextKit", package: "bitext"), "BenchmarkSupport"]
    ),
    .executableTarget(
      name: "TermBenchmark",
      dependencies: [.product(name: "BitextKit", package: "bitext"), "BenchmarkSupport"]
    ),
    .executableTarget(
      name: "EmbeddingBenchmark",
      dependencies: [.product(name: "BitextKit", package: "bitext"), "BenchmarkSupport"]
    ),
  ]
)
