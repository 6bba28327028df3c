import Foundation
import GRDB

/// The question bank: an SQLite database (WAL mode, busy timeout) holding the questions, their demos and
/// choices, the study state (cards, review log) and a trigram full-text index.
///
///     let bank = try QuestionBank.open(path: "/tmp/t.sqlite")
///     try bank.syncBundled(files: bundledFiles)      // first use, or bundled content changed
///     for q in try bank.questions() { print(q.id, q.title(.en)) }
public final class QuestionBank: Sendable {
    /// The GRDB connection (a `DatabasePool` for files, a `DatabaseQueue` in memory). Other libraries use it
    /// directly for their tables (e.g. `CardRecord`, `ReviewLogRecord`); do every related write in one
    /// `writer.write { db in … }` transaction.
    public let writer: any DatabaseWriter
    /// The database file, nil for an in-memory bank.
    public let path: String?

    init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// Nothing is written to an existing file before it is known to be an SQLite database: a file that
    /// does not start with the SQLite header yields `BankError.notADatabase` and is left as it was.
    /// - Parameter createDirectory: create the parent directory when missing (for the default location);
    ///   otherwise a missing directory is `BankError.missingDirectory`.
    public static func open(path: String, createDirectory: Bool = false) throws -> QuestionBank {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw BankError.cannotOpen(path, "it is a directory") }
            guard fm.isReadableFile(atPath: path) else { throw BankError.cannotOpen(path, "permission denied") }
            guard let handle = FileHandle(forReadingAtPath: path) else { throw BankError.cannotOpen(path, "cannot read the file") }
            let header = (try? handle.read(upToCount: 16)) ?? Data()
            try? handle.close()
            if !header.isEmpty && header != Data("SQLite format 3\0".utf8) {
                throw BankError.notADatabase(path)
            }
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty && !fm.fileExists(atPath: parent) {
                guard createDirectory else { throw BankError.missingDirectory(parent) }
                do {
                    try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
                } catch {
                    throw BankError.cannotWrite(parent, "cannot create the directory")
                }
            }
            if !parent.isEmpty && !fm.isWritableFile(atPath: parent) {
                throw BankError.cannotOpen(path, "directory \(parent) is not writable")
            }
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        let pool = try openPool(path: path, configuration: config)
        let bank = QuestionBank(writer: pool, path: path)
        try bank.migrate()
        return bank
    }

    /// Opens the pool. Switching a brand-new file to WAL (`PRAGMA journal_mode = WAL`, run by the pool's setup)
    /// needs a lock SQLite does not wait for with the busy handler, so first uses of one file by several processes
    /// at once can get SQLITE_BUSY there: that step is retried for as long as the busy timeout would have waited.
    static func openPool(path: String, configuration: Configuration, patience: TimeInterval = 10) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(patience)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            } catch {
                throw wrap(error, path: path)
            }
        }
    }

    /// A fresh in-memory bank with the schema applied (tests, scratch work).
    public static func inMemory() throws -> QuestionBank {
        var config = Configuration()
        config.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: config)
        let bank = QuestionBank(writer: queue, path: nil)
        try bank.migrate()
        return bank
    }

    func migrate() throws {
        let migrator = Schema.migrator
        do {
            if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
                throw BankError.newerSchema(path ?? ":memory:")
            }
            do {
                try migrator.migrate(writer)
            } catch {
                // Two first uses at once: both saw an empty schema, the other process migrated first, and this
                // one's `CREATE TABLE` failed. The schema is then complete and nothing is lost.
                guard try writer.read({ try migrator.hasCompletedMigrations($0) }) else { throw error }
            }
        } catch let error as BankError {
            throw error
        } catch {
            throw Self.wrap(error, path: path ?? ":memory:")
        }
    }

    /// Turns an SQLite error into a `BankError` naming the file.
    static func wrap(_ error: Error, path: String) -> BankError {
        if let bankError = error as? BankError { return bankError }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path)
            case .SQLITE_READONLY: return .cannotOpen(path, "the database is read-only")
            case .SQLITE_CANTOPEN: return .cannotOpen(path, "unable to open the file")
            case .SQLITE_PERM: return .cannotOpen(path, "permission denied")
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .cannotOpen(path, "the database is locked by another process")
            case .SQLITE_FULL: return .cannotOpen(path, "the disk is full")
            default: return .cannotOpen(path, db.message ?? "\(db.resultCode)")
            }
        }
        return .cannotOpen(path, "\(error)")
    }

    /// Runs a database operation, turning SQLite errors into `BankError`s naming the file.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BankError {
            throw error
        } catch let error as DatabaseError {
            throw Self.wrap(error, path: path ?? ":memory:")
        }
    }
}

// MARK: - Reading questions

extension QuestionBank {
    /// All questions (optionally of one topic and/or carrying one tag), sorted by topic then id, with
    /// choices and demos.
    public func questions(topic: String? = nil, tag: String? = nil) throws -> [Question] {
        try guarded {
            try writer.read { db in
                var request = QuestionRow.order(Column("topic"), Column("id"))
                if let topic { request = request.filter(Column("topic") == topic) }
                var rows = try request.fetchAll(db)
                if let tag { rows = rows.filter { $0.tags.contains(tag) } }
                return try Self.load(db, rows: rows)
            }
        }
    }

    /// The distinct tags, sorted.
    public func tags() throws -> [String] {
        try guarded {
            try writer.read { db in Set(try QuestionRow.fetchAll(db).flatMap(\.tags)).sorted() }
        }
    }

    /// The question with this id, or nil.
    public func question(id: String) throws -> Question? {
        try guarded {
            try writer.read { db in
                guard let row = try QuestionRow.fetchOne(db, key: id) else { return nil }
                return try Self.load(db, rows: [row]).first
            }
        }
    }

    /// The distinct topics, sorted.
    public func topics() throws -> [String] {
        try guarded {
            try writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT topic FROM question ORDER BY topic") }
        }
    }

    /// Number of questions in the bank.
    public func count() throws -> Int {
        try guarded { try writer.read { db in try QuestionRow.fetchCount(db) } }
    }

    /// The last import from `origin`, if any.
    public func importMetadata(_ origin: QuestionOrigin) throws -> ImportMetadata? {
        try guarded { try writer.read { db in try ImportMetadata.fetchOne(db, key: origin.rawValue) } }
    }

    static func load(_ db: Database, rows: [QuestionRow]) throws -> [Question] {
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        let choices = Dictionary(grouping: try ChoiceRow.filter(ids.contains(Column("question_id")))
            .order(Column("position")).fetchAll(db), by: \.questionId)
        let demos = Dictionary(grouping: try DemoRow.filter(ids.contains(Column("question_id")))
            .order(Column("block"), Column("position")).fetchAll(db), by: \.questionId)
        return rows.map { row in
            var correction: Localized? = nil
            if let zh = row.correctionZh, let en = row.correctionEn { correction = Localized(zh: zh, en: en) }
            return Question(
                id: row.id, topic: row.topic, tags: row.tags, difficulty: row.difficulty,
                source: QuestionSource(rawValue: row.source) ?? .original,
                kind: QuestionKind(rawValue: row.kind) ?? .recall,
                explain: row.explain,
                prompt: Localized(zh: row.questionZh, en: row.questionEn),
                answer: Localized(zh: row.answerZh, en: row.answerEn),
                correction: correction,
                choices: (choices[row.id] ?? []).map {
                    Choice(position: $0.position, isCorrect: $0.correct, text: Localized(zh: $0.textZh, en: $0.textEn))
                },
                demo: row.demo,
                demos: (demos[row.id] ?? []).map {
                    DemoExample(block: $0.block, position: $0.position, source: $0.source, expected: $0.expected, line: $0.line)
                },
                path: row.path)
        }
    }
}

// MARK: - Importing

/// What an import did.
public struct ImportSummary: Equatable, Sendable {
    /// Ids added that were not in the bank before.
    public var added: [String]
    /// Ids whose rows were replaced.
    public var replaced: [String]
    /// Bundled rows removed because the bundled content no longer has them.
    public var removed: [String]
    /// False when nothing had to be done (bundled content already up to date).
    public var changed: Bool
}

extension QuestionBank {
    /// Imports the user's own questions in one transaction: each replaces the row with the same id (if any),
    /// other questions are kept. Card and review rows are never touched.
    @discardableResult
    public func importQuestions(_ questions: [Question], contentHash hash: String) throws -> ImportSummary {
        try guarded {
            try writer.write { db in
                var summary = ImportSummary(added: [], replaced: [], removed: [], changed: true)
                for question in questions {
                    if try QuestionRow.deleteOne(db, key: question.id) { summary.replaced.append(question.id) } else { summary.added.append(question.id) }
                    try Self.insert(question, origin: .user, db)
                }
                try Self.rebuildSearchIndex(db)
                try ImportMetadata(origin: .user, contentHash: hash, importedAt: Date(), questionCount: questions.count).save(db)
                return summary
            }
        }
    }

    /// Brings the bundled questions up to date: when `files` (the content embedded in the binary) hash
    /// differently from the last bundled import, they are parsed and imported in one transaction, replacing
    /// the bundled question/choice/demo rows (questions the user imported under the same id win).
    /// Card and review_log rows are never touched, so review history survives.
    /// - Throws: `BankError.invalidBundledContent` when the files do not parse.
    @discardableResult
    public func syncBundled(files: [(path: String, text: String)]) throws -> ImportSummary {
        let hash = contentHash(of: files)
        let unchanged = ImportSummary(added: [], replaced: [], removed: [], changed: false)
        if try importMetadata(.bundled)?.contentHash == hash { return unchanged }
        let questions: [Question]
        do {
            questions = try ContentFormat.parse(files: files)
        } catch let errors as ContentErrors {
            throw BankError.invalidBundledContent(errors.description)
        }
        return try guarded {
            try writer.write { db in
                // Another process may have done it meanwhile.
                if try ImportMetadata.fetchOne(db, key: QuestionOrigin.bundled.rawValue)?.contentHash == hash { return unchanged }
                let oldBundled = Set(try String.fetchAll(db, sql: "SELECT id FROM question WHERE origin = 'bundled'"))
                let userIds = Set(try String.fetchAll(db, sql: "SELECT id FROM question WHERE origin = 'user'"))
                try db.execute(sql: "DELETE FROM question WHERE origin = 'bundled'")
                var summary = ImportSummary(added: [], replaced: [], removed: [], changed: true)
                var newIds = Set<String>()
                for question in questions where !userIds.contains(question.id) {
                    try Self.insert(question, origin: .bundled, db)
                    newIds.insert(question.id)
                    if oldBundled.contains(question.id) { summary.replaced.append(question.id) } else { summary.added.append(question.id) }
                }
                summary.removed = oldBundled.subtracting(newIds).sorted()
                try Self.rebuildSearchIndex(db)
                try ImportMetadata(origin: .bundled, contentHash: hash, importedAt: Date(), questionCount: questions.count).save(db)
                return summary
            }
        }
    }

    static func insert(_ question: Question, origin: QuestionOrigin, _ db: Database) throws {
        try QuestionRow(question, origin: origin).insert(db)
        for choice in question.choices {
            try ChoiceRow(questionId: question.id, position: choice.position, correct: choice.isCorrect,
                          textZh: choice.text.zh, textEn: choice.text.en).insert(db)
        }
        for demo in question.demos {
            try DemoRow(questionId: question.id, block: demo.block, position: demo.position, source: demo.source,
                        expected: demo.expected, line: demo.line).insert(db)
        }
    }

    static func rebuildSearchIndex(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM question_fts;
            INSERT INTO question_fts (id, topic, tags, question_zh, question_en, answer_zh, answer_en, correction_zh, correction_en)
                SELECT id, topic, tags, question_zh, question_en, answer_zh, answer_en,
                       coalesce(correction_zh, ''), coalesce(correction_en, '')
                FROM question;
            """)
    }
}

// MARK: - Exporting

extension QuestionBank {
    /// Writes every question (optionally of one topic) to `directory` as `<id>.md` in the content format,
    /// creating the directory if needed. Returns the files written.
    @discardableResult
    public func export(to directory: URL, topic: String? = nil) throws -> [URL] {
        let questions = try self.questions(topic: topic)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw BankError.notADirectory(directory.relativePath) }
        } else {
            do {
                try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw BankError.cannotWrite(directory.relativePath, "cannot create the directory")
            }
        }
        var written: [URL] = []
        for question in questions {
            let url = directory.appendingPathComponent(ContentFormat.fileName(for: question))
            do {
                try Data(ContentFormat.render(question).utf8).write(to: url, options: .atomic)
            } catch {
                throw BankError.cannotWrite(url.relativePath, (error as NSError).localizedDescription)
            }
            written.append(url)
        }
        return written
    }
}
