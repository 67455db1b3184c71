// swift-tools-version:6.1
// MoltNet in Swift: the console `molt`, the admin tool `molt-admin`, the client library MoltClient and the
// server `moltnetd`. Layout and dependency rules: docs/ARCHITECTURE.md. No package outside the toolchain;
// C libraries come from Debian through the system-library targets below.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "MoltNet",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "molt", targets: ["MoltTUI"]),
        .executable(name: "molt-admin", targets: ["MoltAdmin"]),
        .executable(name: "moltnetd", targets: ["moltnetd"]),
        .library(name: "MoltClient", targets: ["MoltClient"]),
        .library(name: "MoltCore", targets: ["MoltCore"]),
    ],
    targets: [
        // C libraries from Debian: module.modulemap + shim.h with typed wrappers for macros and variadics.
        .systemLibrary(name: "CCurses", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CPostgres", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        // Libraries, each depending only on those above it.
        .target(name: "MoltCore", dependencies: ["CSodium"], swiftSettings: strictSettings),
        .target(name: "MoltCommandLine", dependencies: ["MoltCore"], swiftSettings: strictSettings),
        .target(name: "MoltPostgres", dependencies: ["CPostgres", "MoltCore"], swiftSettings: strictSettings),
        .target(
            name: "MoltClient",
            dependencies: ["CCurl", "MoltCore", "MoltPostgres"],
            swiftSettings: strictSettings
        ),
        .target(name: "MoltWorkflows", dependencies: ["MoltCore", "MoltPostgres"], swiftSettings: strictSettings),
        .target(
            name: "MoltEmbeddings",
            dependencies: ["COpenBLAS", "MoltCore"],
            // The encoder's element-wise kernels are 50-100x slower unoptimised, so debug builds optimise them too.
            swiftSettings: strictSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "MoltServer",
            dependencies: [
                "CMicroHTTPD", "MoltCore", "MoltCommandLine", "MoltPostgres", "MoltWorkflows", "MoltEmbeddings",
                "MoltClient",
            ],
            resources: [.copy("Migrations"), .copy("Resources/openapi.json")],
            swiftSettings: strictSettings
        ),

        // Executables: thin mains over the libraries.
        .executableTarget(
            name: "moltnetd",
            dependencies: ["MoltServer", "MoltCommandLine"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "MoltTUI",
            dependencies: ["CCurses", "MoltClient", "MoltCommandLine"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "MoltAdmin",
            dependencies: ["MoltClient", "MoltCommandLine", "MoltCore", "MoltPostgres"],
            swiftSettings: strictSettings
        ),

        // Benchmarks (bench/): executables driven by bench/*/run.sh.
        .executableTarget(
            name: "WorkflowsBench",
            dependencies: ["MoltWorkflows", "MoltPostgres", "MoltCore"],
            path: "bench/workflows/Sources/WorkflowsBench",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ClientDBOSBench",
            dependencies: ["MoltClient", "MoltWorkflows", "MoltPostgres", "MoltCore"],
            path: "bench/client-dbos/Sources/ClientDBOSBench",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "MoltBench",
            dependencies: ["MoltEmbeddings"],
            path: "bench/Sources/MoltBench",
            swiftSettings: strictSettings
        ),

        // Test support: a fresh database per test on the real Postgres, a server on port 0, golden snapshots.
        .target(
            name: "MoltTestSupport",
            dependencies: ["MoltCore", "MoltPostgres", "MoltServer", "MoltClient"],
            swiftSettings: strictSettings
        ),

        .testTarget(
            name: "MoltCoreTests", dependencies: ["MoltCore", "MoltTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "MoltCommandLineTests",
            dependencies: ["MoltCommandLine"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MoltPostgresTests",
            dependencies: ["MoltPostgres", "MoltTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MoltClientTests",
            dependencies: ["MoltClient", "MoltTestSupport", "MoltWorkflows"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MoltWorkflowsTests",
            dependencies: ["MoltWorkflows", "MoltTestSupport"],
            exclude: ["Python"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MoltEmbeddingsTests",
            dependencies: ["MoltEmbeddings", "MoltTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MoltServerTests",
            dependencies: ["MoltServer", "MoltTestSupport"],
            exclude: ["MCP/Python"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MoltTUITests",
            dependencies: ["MoltTUI", "MoltTestSupport"],
            exclude: ["App/__Snapshots__", "Features/__Snapshots__", "Widgets/__Snapshots__"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MoltAdminTests",
            dependencies: ["MoltAdmin", "MoltTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["MoltClient", "MoltTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
