// swift-tools-version: 6.1
// Benchmarks for talkplan, kept in their own package so that the benchmark
// dependency never enters the root build. Run from this directory:
//     swift package --scratch-path .build benchmark
import Foundation
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
                "Baselines",
            ],
            path: "Benchmarks/ZoneConversion",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ISO8601",
            dependencies: [
                .product(name: "TalkplanTime", package: "talkplan"),
                .product(name: "Benchmark", package: "benchmark"),
                "Baselines",
            ],
            path: "Benchmarks/ISO8601",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Recurrence",
            dependencies: [
                .product(name: "TalkplanRecurrence", package: "talkplan"),
                .product(name: "TalkplanTime", package: "talkplan"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Recurrence",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // What people use without talkplan (ICU's ucal and BasicTimeZone, glibc), in C
        // behind a plain-C header; the ICU headers stay inside this target.
        .target(
            name: "Baselines",
            path: "Sources/Baselines",
            cxxSettings: [.define("U_SHOW_CPLUSPLUS_API", to: "1")],
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
                .linkedLibrary("stdc++"),
            ]
        ),
    ]
)

// Announcement extraction (`Benchmarks/Extraction`).
package.targets.append(
    .executableTarget(
        name: "Extraction",
        dependencies: [
            .product(name: "TalkplanExtract", package: "talkplan"),
            .product(name: "TalkplanTime", package: "talkplan"),
            .product(name: "Benchmark", package: "benchmark"),
            "WholeInputs",
            "ExtractionInputs",
        ],
        path: "Benchmarks/Extraction",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
)

// iCalendar reading (`Benchmarks/ICalendar`).
package.targets.append(
    .executableTarget(
        name: "ICalendar",
        dependencies: [
            .product(name: "TalkplanICalendar", package: "talkplan"),
            .product(name: "TalkplanExtract", package: "talkplan"),
            .product(name: "TalkplanTime", package: "talkplan"),
            .product(name: "Benchmark", package: "benchmark"),
            "WholeInputs",
        ],
        path: "Benchmarks/ICalendar",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
)

// Shared by the drivers that read a whole input per iteration.
package.targets.append(
    .target(
        name: "WholeInputs",
        dependencies: [.product(name: "Benchmark", package: "benchmark")],
        path: "Sources/WholeInputs"
    )
)

// Timing of whole-file reading for `icalendar-throughput.py` (not a benchmark driver).
package.targets.append(
    .executableTarget(
        name: "ReadFeed",
        dependencies: [
            .product(name: "TalkplanICalendar", package: "talkplan"),
            .product(name: "TalkplanExtract", package: "talkplan"),
            .product(name: "TalkplanTime", package: "talkplan"),
        ],
        path: "Sources/ReadFeed"
    )
)

// The extraction inputs, shared by the `Extraction` driver and `ExtractLoop`.
package.targets.append(
    .target(
        name: "ExtractionInputs",
        dependencies: [
            .product(name: "TalkplanExtract", package: "talkplan"),
            .product(name: "TalkplanTime", package: "talkplan"),
        ],
        path: "Sources/ExtractionInputs"
    )
)

// Extraction in a plain loop, for instruction counts and timings without the framework (not a benchmark driver).
package.targets.append(
    .executableTarget(
        name: "ExtractLoop",
        dependencies: [
            "ExtractionInputs",
            .product(name: "TalkplanExtract", package: "talkplan"),
        ],
        path: "Sources/ExtractLoop"
    )
)
