// swift-tools-version:6.0
import PackageDescription

// Dependencies flow one way:
// tensorprep -> (Study, Explain, QuestionBank, Snippet, Terminal) -> (MiniTF ->) MiniTorch -> CKernels
let v5: [SwiftSetting] = [.swiftLanguageMode(.v5)]
// The engine's kernels (GEMM micro-kernels, im2col) want FMA and 256-bit vectors: on x86-64, release builds target
// haswell (AVX2 + FMA: x86 CPUs since 2013/2015). Debug builds and other architectures keep the defaults.
#if arch(x86_64)
let fast: [SwiftSetting] = v5 + [.unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release))]
#else
let fast: [SwiftSetting] = v5
#endif

let package = Package(
    name: "tensorprep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tensorprep", targets: ["tensorprep"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The tensor engine: depends only on its C micro-kernels (AVX2 / AVX-512, picked at run time).
        .target(name: "CKernels"),
        .target(name: "MiniTorch", dependencies: ["CKernels"], exclude: ["README.md"], swiftSettings: fast),
        // TF1-style static graph on top of the engine.
        .target(name: "MiniTF", dependencies: ["MiniTorch"], exclude: ["README.md"], swiftSettings: v5),
        // The Python-subset interpreter and its importable modules.
        .target(name: "Snippet", dependencies: ["MiniTorch", "MiniTF"], exclude: ["README.md"], swiftSettings: v5),
        // Colour, display width, grids, line editing.
        .target(name: "Terminal", swiftSettings: v5),
        // SQLite question bank.
        .target(name: "QuestionBank", dependencies: [
            .product(name: "GRDB", package: "GRDB.swift"),
            "Yams",
        ], swiftSettings: v5),
        // FSRS scheduler, quiz session, generated exercises.
        .target(name: "Study", dependencies: ["QuestionBank", "MiniTorch", "Explain", "Terminal"], swiftSettings: v5),
        // Walkthroughs built on engine traces.
        .target(name: "Explain", dependencies: ["MiniTorch", "MiniTF", "Terminal"], swiftSettings: v5),
        // Turns Content/**/*.md into a generated Swift source at build time.
        .executableTarget(name: "ContentEmbedder", path: "Plugins/ContentEmbedder/Tool", swiftSettings: v5),
        .plugin(name: "EmbedContent", capability: .buildTool(), dependencies: ["ContentEmbedder"],
                path: "Plugins/EmbedContent"),
        .executableTarget(name: "tensorprep", dependencies: [
            "MiniTorch", "MiniTF", "Snippet", "QuestionBank", "Study", "Explain", "Terminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: v5, plugins: ["EmbedContent"]),

        .testTarget(name: "MiniTorchTests", dependencies: ["MiniTorch"], swiftSettings: v5),
        .testTarget(name: "SnippetTests", dependencies: ["Snippet"], resources: [.copy("Fixtures")], swiftSettings: v5),
        .testTarget(name: "QuestionBankTests", dependencies: ["QuestionBank"], swiftSettings: v5),
        .testTarget(name: "MiniTFTests", dependencies: ["MiniTF"], swiftSettings: v5),
        .testTarget(name: "StudyTests", dependencies: ["Study"], resources: [.copy("Fixtures")], swiftSettings: v5),
        .testTarget(name: "ExplainTests", dependencies: ["Explain"], swiftSettings: v5),
        .testTarget(name: "CLITests", dependencies: ["tensorprep"], swiftSettings: v5),
    ]
)
