import Foundation
import Testing

/// The bank embedded in the binary (Content/), on a brand-new database, run from `/` (acceptance of issue 2).
/// Expected ids are those of the files in Content/ (read from the source tree next to this test).
@Suite struct BundledBankTests {
    /// `Content/` of the source tree, found relative to this file.
    static let contentDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content")

    /// The `id:` of every question file under Content/.
    static func contentIds() throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: contentDirectory.path) else { return [] }
        var ids: [String] = []
        for case let relative as String in walker where relative.hasSuffix(".md") && !relative.lowercased().hasSuffix("readme.md") {
            let text = try String(contentsOf: contentDirectory.appendingPathComponent(relative), encoding: .utf8)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("id:") }) {
                ids.append(line.dropFirst(3).split(separator: "#").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "")
            }
        }
        return ids.sorted()
    }

    func run(_ arguments: [String], db: URL) throws -> CLI.Result {
        try CLI.run(["--db", db.path] + arguments, in: URL(fileURLWithPath: "/"), environment: ["HOME": db.deletingLastPathComponent().path])
    }

    func newDatabase() throws -> URL {
        try CLI.temporaryDirectory().appendingPathComponent("bank.sqlite")
    }

    /// The ids of the hits in `search` output (each hit starts at column 0 with its id).
    func hitIds(_ output: String) -> [String] {
        output.split(separator: "\n").filter { !$0.hasPrefix(" ") }.dropLast()
            .compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    @Test func listShowsEveryBundledQuestion() throws {
        let db = try newDatabase()
        let ids = try Self.contentIds()
        #expect(ids.count >= 11)
        let result = try run(["list"], db: db)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let rows = result.stdout.split(separator: "\n").dropFirst().dropLast()   // header, count line
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(rows.sorted() == ids)
        #expect(result.stdout.hasSuffix("\n\(ids.count) questions\n"))
        // A second run finds the content already imported and prints the same.
        #expect(try run(["list"], db: db) == result)
    }

    @Test func acceptanceSearches() throws {
        let db = try newDatabase()
        #expect(hitIds(try run(["search", "主GPU"], db: db).stdout).contains("dataparallel"))
        let im2col = hitIds(try run(["search", "im2col"], db: db).stdout)
        #expect(im2col.contains("caffe-im2col"))
        #expect(im2col.contains("tf-conv2d-patches"))
        // `gradient` is one of backward's tags (an exact tag outranks mere mentions, e.g. zero-grad's
        // `gradient-accumulation`). 梯度 has no tag to match: since the bank grew, zero-grad (which says 梯度 more
        // often than backward) and backward lead, both about gradients.
        #expect(hitIds(try run(["search", "gradient"], db: db).stdout).first == "backward")
        let chinese = hitIds(try run(["search", "梯度"], db: db).stdout)
        #expect(chinese.prefix(2).contains("backward"))
    }

    @Test func dataParallelCorrectionInChinese() throws {
        let db = try newDatabase()
        let result = try run(["show", "dataparallel", "--lang", "zh"], db: db)
        #expect(result.status == 0)
        let sections = result.stdout.components(separatedBy: "\n更正\n")
        #expect(sections.count == 2)
        #expect(sections.first?.contains("\n答案\n") == true)
        let correction = sections.last?.components(separatedBy: "\n示範\n").first ?? ""
        #expect(correction.contains("device_ids[0]"))
        #expect(correction.contains("module must have its parameters and buffers on device cuda:0 (device_ids[0]) but found one of them on device: cuda:1"))
    }

    @Test func exportOfTheBundledBankImportsBackUnchanged() throws {
        let db = try newDatabase()
        let dir = db.deletingLastPathComponent()
        #expect(try CLI.run(["--db", db.path, "export", "out"], in: dir).status == 0)
        let copy = dir.appendingPathComponent("copy.sqlite")
        #expect(try CLI.run(["--db", copy.path, "import", "out"], in: dir, environment: ["TENSORPREP_SKIP_BUNDLED": "1"]).status == 0)
        for command in [["list"], ["show", "gather-scatter"], ["show", "dataparallel", "--lang", "zh"], ["search", "gradient"]] {
            #expect(try run(command, db: copy) == run(command, db: db), "\(command)")
        }
    }

    /// Several first uses at once (WAL mode, busy timeout): every process sees the whole bank, none fails.
    @Test func concurrentFirstUse() async throws {
        let db = try newDatabase()
        let results = try await withThrowingTaskGroup(of: CLI.Result.self) { group in
            for _ in 0..<4 { group.addTask { try self.run(["list"], db: db) } }
            var all: [CLI.Result] = []
            for try await result in group { all.append(result) }
            return all
        }
        let expected = try run(["list"], db: db)
        #expect(expected.status == 0)
        #expect(results == Array(repeating: expected, count: 4))
    }
}
