// swift-tools-version:5.9
// The Swift package of hospes: one Swift module, `Hospes`, over the sources uniffi generates into
// Sources/ (Hospes.swift, the functions and objects of hospes-mobile; HospesModel.swift, the
// records, enums and errors of the core; uniffi compiles a crate's external types into the same
// Swift module as the crate using them), and the Rust library as a binary target:
// HospesFFI.xcframework, libhospes_mobile.a for every Apple target with the C headers and one
// module.modulemap declaring the two C modules HospesFFI and HospesModelFFI. The XCFramework is
// built on a Mac by the recipe of docs/install.md and is not committed; tools/check_swift_package.py
// (`make package-test`) checks that this manifest names every generated file.
import PackageDescription

let package = Package(
    name: "Hospes",
    platforms: [.iOS(.v13), .macOS(.v10_15)],
    products: [
        .library(name: "Hospes", targets: ["Hospes"]),
    ],
    targets: [
        .binaryTarget(name: "HospesFFI", path: "HospesFFI.xcframework"),
        .target(
            name: "Hospes",
            dependencies: ["HospesFFI"],
            path: "Sources",
            // The headers and module maps go inside the XCFramework (Headers/).
            exclude: ["HospesFFI.h", "HospesFFI.modulemap", "HospesModelFFI.h", "HospesModelFFI.modulemap"],
            sources: ["Hospes.swift", "HospesModel.swift"]
        ),
    ]
)
