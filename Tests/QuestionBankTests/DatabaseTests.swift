import Foundation
import GRDB
import Testing
@testable import QuestionBank

/// Schema, import/export and opening files. Expected values come from the fixtures in Fixtures.swift.
@Suite struct DatabaseTests {
    @Test func migrationsCreateEveryTableInMemory() throws {
        let bank = try QuestionBank.inMemory()
        let tables = ["question", "choice", "demo", "card", "review_log", "import_meta", "question_fts"]
        let (applied, exists, fts, card, log) = try bank.writer.read { db in
            (try Schema.migrator.appliedIdentifiers(db),
             try tables.map { try db.tableExists($0) },
             try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'question_fts'") ?? "",
             try db.columns(in: "card").map(\.name),
             try db.columns(in: "review_log").map(\.name))
        }
        #expect(applied == ["v1"])
        #expect(exists == tables.map { _ in true })
        #expect(fts.contains("tokenize = 'trigram'"))
        #expect(card == ["key", "question_id", "state", "step", "stability", "difficulty", "due", "last_review"])
        #expect(log == ["id", "card_key", "rating", "reviewed_at", "elapsed_days", "scheduled_days", "state", "duration_ms"])
        // Migrating again is a no-op.
        try Schema.migrator.migrate(bank.writer)
    }

    @Test func importedQuestionsReadBackWithChoicesAndDemos() throws {
        let bank = try Fixtures.bank()
        let all = try bank.questions()
        #expect(all.map(\.id) == ["grad-accum", "im2col-conv", "dp-main-gpu"])   // by topic, then id
        #expect(try bank.topics() == ["autograd", "conv", "dataparallel"])
        #expect(try bank.questions(topic: "conv").map(\.id) == ["im2col-conv"])
        #expect(try bank.questions(tag: "pytorch").map(\.id) == ["grad-accum", "dp-main-gpu"])
        #expect(try bank.questions(topic: "autograd", tag: "multi-gpu").isEmpty)
        #expect(try bank.tags() == ["backward", "caffe", "gemm, blocked", "im2col", "multi-gpu", "pytorch"])
        let parsed = try ContentFormat.parse(text: Fixtures.recall, path: "recall.md")
        #expect(try bank.question(id: "grad-accum") == parsed)
        #expect(try bank.question(id: "dp-main-gpu")?.choices.count == 2)
        #expect(try bank.question(id: "nope") == nil)
        #expect(try bank.importMetadata(.user)?.questionCount == 3)
    }

    @Test func importReplacesSameIdAndKeepsOthers() throws {
        let bank = try Fixtures.bank()
        var changed = try ContentFormat.parse(text: Fixtures.conv, path: "new/conv.md")
        changed.difficulty = 1
        let summary = try bank.importQuestions([changed], contentHash: "x")
        #expect(summary.replaced == ["im2col-conv"])
        #expect(summary.added == [])
        #expect(try bank.question(id: "im2col-conv")?.difficulty == 1)
        #expect(try bank.count() == 3)
    }

    @Test func exportThenImportGivesTheSameRows() throws {
        let bank = try Fixtures.bank()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qb-export-\(UUID().uuidString)/out")
        let written = try bank.export(to: dir)
        #expect(written.map(\.lastPathComponent).sorted() == ["dp-main-gpu.md", "grad-accum.md", "im2col-conv.md"])
        // The fixtures are in canonical layout, so the files come back byte for byte.
        #expect(try String(contentsOf: dir.appendingPathComponent("grad-accum.md"), encoding: .utf8) == Fixtures.recall)
        #expect(try String(contentsOf: dir.appendingPathComponent("dp-main-gpu.md"), encoding: .utf8) == Fixtures.choice)

        let other = try QuestionBank.inMemory()
        try other.importQuestions(try ContentFormat.parse(directory: dir), contentHash: "y")
        func rows(_ bank: QuestionBank) throws -> [[String]] {
            try bank.writer.read { db in
                var out: [[String]] = []
                for (table, order) in [("question", "id"), ("choice", "question_id, position"), ("demo", "question_id, block, position")] {
                    for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                        out.append([table] + row.columnNames.filter { $0 != "path" }.map { "\($0)=\(row[$0] as DatabaseValue)" })
                    }
                }
                return out
            }
        }
        #expect(try rows(other) == rows(bank))
        #expect(try rows(other).count == 3 + 2 + (6 + 2 + 1))   // questions, choices, demo examples
    }

    @Test func searchFindsChineseAndEnglishSubstrings() throws {
        let bank = try Fixtures.bank()
        func ids(_ query: String) throws -> [String] { try bank.search(query).map(\.id) }
        // Trigram FTS (three or more characters).
        #expect(try ids("累加") == ["grad-accum"])                 // 2 characters: LIKE fallback
        #expect(try ids("梯度") == ["grad-accum"])                 // 2 characters: LIKE fallback
        #expect(try ids("反向傳播") == ["grad-accum"])
        #expect(try ids("主GPU") == ["dp-main-gpu"])
        #expect(try ids("im2col") == ["im2col-conv"])
        #expect(try ids("IM2COL") == ["im2col-conv"])              // case-insensitive
        #expect(try ids("gradient") == ["grad-accum"])
        #expect(try ids("kernel matrix") == ["im2col-conv"])      // every word must match
        #expect(try ids("kernel gradient") == [])
        #expect(try ids("eval") == ["grad-accum"])                // corrections are indexed
        #expect(try ids("multi-gpu") == ["dp-main-gpu"])          // tags are indexed
        #expect(try ids("the") .sorted() == ["dp-main-gpu", "grad-accum", "im2col-conv"])
        #expect(try ids("100%") == [])                            // LIKE wildcards are literal
        #expect(try ids("\"quoted") == [])                        // FTS syntax cannot break the query
        #expect(try ids("   ") == [])
    }

    @Test func searchRanksAndQuotesTheMatch() throws {
        let bank = try Fixtures.bank()
        let hits = try bank.search("GPU", language: .en)
        #expect(hits.map(\.id) == ["dp-main-gpu"])
        #expect(hits[0].field == "question_en")
        #expect(hits[0].snippet == [
            SnippetPart("Which ", isMatch: false), SnippetPart("GPU", isMatch: true),
            SnippetPart(" is the main one for `nn.DataParallel`?", isMatch: false),
        ])
        let zh = try bank.search("梯度", language: .zh)
        #expect(zh[0].field == "question_zh")
        #expect(zh[0].snippet.filter(\.isMatch).map(\.text) == ["梯度"])
        #expect(zh[0].title.zh == "為什麼每次迭代前要把梯度清零？")
        // A hit in the id or tags outranks a hit only in the answer text.
        let ranked = try bank.search("backward")
        #expect(ranked.map(\.id) == ["grad-accum"])
    }
}

/// The bundled content: imported on first use and whenever it changes, never touching review history.
@Suite struct BundledSyncTests {
    let v1 = [(path: "Content/a.md", text: Fixtures.recall), (path: "Content/b.md", text: Fixtures.conv)]

    @Test func firstUseImportsThenNothingUntilContentChanges() throws {
        let bank = try QuestionBank.inMemory()
        let first = try bank.syncBundled(files: v1)
        #expect(first.changed && first.added == ["grad-accum", "im2col-conv"])
        #expect(try bank.syncBundled(files: v1).changed == false)
        #expect(try bank.question(id: "grad-accum")?.path == "Content/a.md")
    }

    @Test func reimportKeepsCardsAndReviewsAndUserQuestions() throws {
        let bank = try QuestionBank.inMemory()
        try bank.syncBundled(files: v1)
        let due = Date(timeIntervalSince1970: 1_800_000_000)
        try bank.writer.write { db in
            try CardRecord(key: "q:grad-accum", questionId: "grad-accum", state: 2, step: nil, stability: 3.5,
                           difficulty: 5.1, due: due, lastReview: due).insert(db)
            var log = ReviewLogRecord(cardKey: "q:grad-accum", rating: 3, reviewedAt: due, elapsedDays: 1,
                                      scheduledDays: 3, state: 2)
            try log.insert(db)
            #expect(log.id == 1)
        }
        try bank.importQuestions([try ContentFormat.parse(text: Fixtures.choice, path: "mine/choice.md")], contentHash: "u")
        // New bundled content: one question changed, one removed.
        var changed = Fixtures.recall.replacingOccurrences(of: "difficulty: 2", with: "difficulty: 3")
        changed += ""
        let summary = try bank.syncBundled(files: [(path: "Content/a.md", text: changed)])
        #expect(summary.replaced == ["grad-accum"])
        #expect(summary.removed == ["im2col-conv"])
        #expect(try bank.question(id: "grad-accum")?.difficulty == 3)
        #expect(try bank.question(id: "im2col-conv") == nil)
        #expect(try bank.question(id: "dp-main-gpu") != nil)   // the user's own question stays
        let (card, logs) = try bank.writer.read { db in
            (try CardRecord.fetchOne(db, key: "q:grad-accum"), try ReviewLogRecord.fetchCount(db))
        }
        #expect(card?.stability == 3.5)
        #expect(logs == 1)
        #expect(try bank.search("im2col").isEmpty)             // the index follows
    }

    @Test func malformedBundledContentIsReported() throws {
        let bank = try QuestionBank.inMemory()
        #expect(throws: BankError.invalidBundledContent("Content/x.md:1: expected '---' to open the front matter")) {
            try bank.syncBundled(files: [(path: "Content/x.md", text: "oops\n")])
        }
        #expect(try bank.count() == 0)
    }
}

/// Opening database files: bad files are refused without being written to.
@Suite struct OpenDatabaseTests {
    func tempPath(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qb-open-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    @Test func garbageFileIsRefusedAndLeftAlone() throws {
        let path = try tempPath("bad.sqlite")
        try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: BankError.notADatabase(path)) { try QuestionBank.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("garbage\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(BankError.notADatabase(path).description.hasPrefix(path + ": not a tensorprep database"))
    }

    @Test func corruptBodyBehindAValidHeaderIsReported() throws {
        let path = try tempPath("corrupt.sqlite")
        var bytes = Data("SQLite format 3\0".utf8)
        bytes.append(Data(repeating: 0xAB, count: 4096))
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: BankError.notADatabase(path)) { try QuestionBank.open(path: path) }
    }

    @Test func missingDirectoryIsAnErrorUnlessAskedToCreateIt() throws {
        let base = try tempPath("x")
        let path = (base as NSString).deletingLastPathComponent + "/deeper/still/t.sqlite"
        #expect(throws: BankError.missingDirectory((path as NSString).deletingLastPathComponent)) {
            try QuestionBank.open(path: path)
        }
        let bank = try QuestionBank.open(path: path, createDirectory: true)
        #expect(try bank.count() == 0)
        #expect(bank.path == path)
    }

    @Test func directoryIsNotADatabase() throws {
        let path = try tempPath("dir")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(throws: BankError.cannotOpen(path, "it is a directory")) { try QuestionBank.open(path: path) }
    }

    @Test func reopeningAFileKeepsItsQuestions() throws {
        let path = try tempPath("t.sqlite")
        do {
            let bank = try QuestionBank.open(path: path)
            try bank.syncBundled(files: [(path: "Content/a.md", text: Fixtures.conv)])
        }
        let again = try QuestionBank.open(path: path)
        #expect(try again.questions().map(\.id) == ["im2col-conv"])
        #expect(try again.syncBundled(files: [(path: "Content/a.md", text: Fixtures.conv)]).changed == false)
    }
}
