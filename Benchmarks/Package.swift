// swift-tools-version: 6.1
// Benchmarks for talkplan, kept in their own package so that the benchmark
// dependency never enters the root build. Run from this directory:
//     swift package --scratch-path .build benchmark
import PackageDescription

let package = Package(
    name: "talkplan-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "talkplan", path: ".."),
        // Only the MallocInterposer trait: the default traits pull in a package
        // that is not needed for these benchmarks.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ZoneConversion",
            dependencies: [
                .product(name: "TalkplanTime", package: "talkplan"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ZoneConversion",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
