// swift-tools-version: 6.1
// libFuzzer harnesses for talkplan's readers, in their own package so that the sanitizer
// flags never touch the everyday build. Build and run through Scripts/fuzz:
//     Scripts/fuzz run icalendar 600
import PackageDescription

let package = Package(
    name: "talkplan-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "talkplan", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
        .target(name: "FuzzDriver", path: "Sources/FuzzDriver"),
        .executableTarget(
            name: "FuzzICalendar",
            dependencies: [
                "FuzzSupport",
                "FuzzDriver",
                .product(name: "TalkplanICalendar", package: "talkplan"),
                .product(name: "TalkplanExtract", package: "talkplan"),
                .product(name: "TalkplanRecurrence", package: "talkplan"),
            ]
        ),
        .executableTarget(
            name: "FuzzRecurrence",
            dependencies: [
                "FuzzSupport",
                "FuzzDriver",
                .product(name: "TalkplanRecurrence", package: "talkplan"),
                .product(name: "TalkplanTime", package: "talkplan"),
            ]
        ),
        .executableTarget(
            name: "FuzzExtract",
            dependencies: [
                "FuzzSupport",
                "FuzzDriver",
                .product(name: "TalkplanExtract", package: "talkplan"),
                .product(name: "TalkplanTime", package: "talkplan"),
            ]
        ),
        .executableTarget(
            name: "FuzzISO8601",
            dependencies: [
                "FuzzSupport",
                "FuzzDriver",
                .product(name: "TalkplanTime", package: "talkplan"),
            ]
        ),
    ]
)
