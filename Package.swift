// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "talkplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "talkplan", targets: ["talkplan"]),
        .library(name: "TalkplanTime", targets: ["TalkplanTime"]),
        .library(name: "TalkplanICalendar", targets: ["TalkplanICalendar"]),
        .library(name: "TalkplanRecurrence", targets: ["TalkplanRecurrence"]),
        .library(name: "TalkplanExtract", targets: ["TalkplanExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The only target that touches ICU. Its public header uses plain C types;
        // ICU headers are included only by its .cpp files.
        .target(
            name: "CICUShim",
            cxxSettings: [.define("U_SHOW_CPLUSPLUS_API", to: "1")],
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
                .linkedLibrary("stdc++"),
            ]
        ),
        .target(
            name: "TalkplanTime",
            dependencies: ["CICUShim"]
        ),
        .target(name: "TalkplanICalendar", dependencies: ["TalkplanTime"]),
        .target(name: "TalkplanRecurrence", dependencies: ["TalkplanTime"]),
        .target(name: "TalkplanExtract", dependencies: ["TalkplanTime", "TalkplanICalendar", "TalkplanRecurrence"]),
        .target(name: "TalkplanPlanner", dependencies: ["TalkplanTime", "TalkplanExtract", "TalkplanRecurrence"]),
        .target(
            name: "TalkplanLibrary",
            dependencies: ["TalkplanTime", "TalkplanExtract", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "TalkplanCLI",
            dependencies: [
                "TalkplanTime",
                "TalkplanICalendar",
                "TalkplanRecurrence",
                "TalkplanExtract",
                "TalkplanPlanner",
                "TalkplanLibrary",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "talkplan",
            dependencies: ["TalkplanCLI"]
        ),
        .testTarget(name: "TalkplanTimeTests", dependencies: ["TalkplanTime"]),
        .testTarget(name: "TalkplanICalendarTests", dependencies: ["TalkplanICalendar", "TalkplanExtract"], exclude: ["Corpus"]),
        .testTarget(name: "TalkplanRecurrenceTests", dependencies: ["TalkplanRecurrence"]),
        .testTarget(name: "TalkplanExtractTests", dependencies: ["TalkplanExtract"], exclude: ["Corpus"]),
        .testTarget(name: "TalkplanPlannerTests", dependencies: ["TalkplanPlanner"]),
        .testTarget(
            name: "TalkplanLibraryTests",
            dependencies: ["TalkplanLibrary", "TalkplanCLI", "talkplan", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "TalkplanCLITests", dependencies: ["TalkplanCLI", "talkplan"], exclude: ["Golden"]),
    ],
    cxxLanguageStandard: .cxx17
)
