// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Wicket",
    products: [
        .executable(name: "wicket", targets: ["wicket"]),
        .executable(name: "wicket-bench", targets: ["wicket-bench"]),
        .library(name: "WicketCore", targets: ["WicketCore"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        .target(name: "WicketCore", dependencies: ["CSQLite"]),
        .target(name: "WicketTUI", dependencies: ["WicketCore", "CNCurses"]),
        .executableTarget(name: "wicket", dependencies: ["WicketCore", "WicketTUI"]),
        // Speed goals live here, not in timed tests: `swift run -c release wicket-bench`.
        .executableTarget(name: "wicket-bench", dependencies: ["WicketCore", "WicketTUI"]),
        // A test tool, not shipped: one clerk doing many random actions, for the stress and crash tests.
        .executableTarget(name: "wicket-stress", dependencies: ["WicketCore"]),
        .testTarget(name: "WicketCoreTests", dependencies: ["WicketCore"]),
        .testTarget(name: "WicketTUITests", dependencies: ["WicketTUI", "WicketCore"], exclude: ["Snapshots"]),
        .testTarget(name: "WicketCLITests", dependencies: ["WicketCore"]),
    ],
    swiftLanguageModes: [.v6]
)
