// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Wicket",
    products: [
        .executable(name: "wicket", targets: ["wicket"]),
        .library(name: "WicketCore", targets: ["WicketCore"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        .target(name: "WicketCore", dependencies: ["CSQLite"]),
        .target(name: "WicketTUI", dependencies: ["WicketCore", "CNCurses"]),
        .executableTarget(name: "wicket", dependencies: ["WicketCore", "WicketTUI"]),
        // A test tool, not shipped: one clerk doing many random actions, for the stress and crash tests.
        .executableTarget(name: "wicket-stress", dependencies: ["WicketCore"]),
        .testTarget(name: "WicketCoreTests", dependencies: ["WicketCore"]),
        .testTarget(name: "WicketTUITests", dependencies: ["WicketTUI", "WicketCore"], exclude: ["Snapshots"]),
        .testTarget(name: "WicketCLITests", dependencies: ["WicketCore"]),
    ],
    swiftLanguageModes: [.v6]
)
