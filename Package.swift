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
        .executable(name: "zhanggui", targets: ["zhanggui"]),
        .executable(name: "zhanggui-sim", targets: ["zhanggui-sim"]),
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
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Label and picking-list PDFs: cairo's PDF surface with pango text, barcodes from zint.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        .systemLibrary(name: "CZint", providers: [.apt(["libzint-dev"])]),
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
            dependencies: ["ZhangguiCore", "ZhangguiServices", "CZlib", "CPangoCairo", "CZint"],
            swiftSettings: strictSettings
        ),
        // The platform clients (淘宝/天猫, 京东, 拼多多, 抖店, 快手, 小红书): signing, wire formats, the HTTPS transport.
        .target(
            name: "ZhangguiChannels",
            dependencies: ["ZhangguiCore", "ZhangguiServices", "CCrypto", "CCurl"],
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
        // The platform simulator: test and demo equipment, never a fallback in the product (docs/SIMULATOR.md).
        .target(
            name: "ZhangguiSimulator",
            dependencies: ["ZhangguiCore", "ZhangguiChannels", "ZhangguiHTTP", "ZhangguiAdapters"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "zhanggui-sim",
            dependencies: ["ZhangguiCore", "ZhangguiHTTP", "ZhangguiSimulator"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "zhanggui",
            dependencies: [
                "ZhangguiCore", "ZhangguiStore", "ZhangguiServices", "ZhangguiAdapters", "ZhangguiChannels",
                "ZhangguiHTTP",
            ],
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
            dependencies: [
                "ZhangguiCore", "ZhangguiStore", "ZhangguiServices", "ZhangguiAdapters", "ZhangguiTestSupport",
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ZhangguiChannelsTests",
            dependencies: ["ZhangguiCore", "ZhangguiServices", "ZhangguiChannels", "ZhangguiHTTP"],
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
        .testTarget(
            name: "ZhangguiSimulatorTests",
            dependencies: ["ZhangguiCore", "ZhangguiChannels", "ZhangguiHTTP", "ZhangguiSimulator"],
            swiftSettings: strictSettings
        ),
        // The product against the simulator on 127.0.0.1: clients, sync, review and shipping, on both engines.
        .testTarget(
            name: "ZhangguiEndToEndTests",
            dependencies: [
                "ZhangguiCore", "ZhangguiStore", "ZhangguiSecurity", "ZhangguiServices", "ZhangguiChannels",
                "ZhangguiSimulator", "ZhangguiTestSupport", "ZhangguiAdapters", "ZhangguiHTTP",
            ],
            swiftSettings: strictSettings
        ),
        // Also runs the built tool as separate processes (two servers over one PostgreSQL database).
        .testTarget(
            name: "zhangguiTests",
            dependencies: ["ZhangguiCore", "ZhangguiStore", "ZhangguiServices", "ZhangguiTestSupport", "zhanggui"],
            swiftSettings: strictSettings
        ),
    ]
)
