// swift-tools-version:6.0

import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode (complete strict concurrency) plus the upcoming
/// features that keep imports and existentials explicit.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Zhanggui",
    products: [
        .executable(name: "zhanggui", targets: ["zhanggui"])
    ],
    targets: [
        // C libraries from Debian, one system module each.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // Plain C functions around libmicrohttpd's variadic calls.
        .target(name: "CHTTPShims", dependencies: ["CMicroHTTPD"]),
        .systemLibrary(name: "CArgon2", providers: [.apt(["libargon2-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),

        // The layers of docs/ARCHITECTURE.md, each knowing only the ones below it.
        .target(name: "ZhangguiCore", swiftSettings: strictSettings),
        .target(
            name: "ZhangguiStore",
            dependencies: ["ZhangguiCore", "CSQLite", "CLibPQ"],
            swiftSettings: strictSettings
        ),
        // Password hashing, random secrets, TOTP: the C cryptography behind a small Swift API.
        .target(
            name: "ZhangguiSecurity",
            dependencies: ["ZhangguiCore", "CArgon2", "CCrypto"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ZhangguiServices",
            dependencies: ["ZhangguiCore", "ZhangguiStore", "ZhangguiSecurity"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ZhangguiAdapters",
            dependencies: ["ZhangguiCore", "ZhangguiServices", "CZlib"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ZhangguiHTTP",
            dependencies: [
                "ZhangguiCore", "ZhangguiStore", "ZhangguiServices", "ZhangguiAdapters", "CMicroHTTPD", "CHTTPShims",
                "CQRencode",
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "zhanggui",
            dependencies: ["ZhangguiCore", "ZhangguiStore", "ZhangguiServices", "ZhangguiAdapters", "ZhangguiHTTP"],
            swiftSettings: strictSettings
        ),

        .testTarget(name: "ZhangguiCoreTests", dependencies: ["ZhangguiCore"], swiftSettings: strictSettings),
        // The engines the store and service tests run on, and their throwaway databases.
        .target(
            name: "ZhangguiTestSupport",
            dependencies: ["ZhangguiStore"],
            path: "Tests/ZhangguiTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ZhangguiStoreTests",
            dependencies: ["ZhangguiCore", "ZhangguiStore", "ZhangguiTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ZhangguiSecurityTests",
            dependencies: ["ZhangguiSecurity"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ZhangguiServicesTests",
            dependencies: [
                "ZhangguiCore", "ZhangguiStore", "ZhangguiServices", "ZhangguiAdapters", "ZhangguiSecurity",
                "ZhangguiTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ZhangguiAdaptersTests",
            dependencies: ["ZhangguiCore", "ZhangguiStore", "ZhangguiServices", "ZhangguiAdapters"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ZhangguiHTTPTests",
            dependencies: [
                "ZhangguiCore", "ZhangguiStore", "ZhangguiServices", "ZhangguiAdapters", "ZhangguiSecurity",
                "ZhangguiHTTP",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "zhangguiTests", dependencies: ["ZhangguiCore", "zhanggui"], swiftSettings: strictSettings),
    ]
)
