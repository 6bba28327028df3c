import Foundation
import GRDB

/// Where a question row came from: the content embedded in the binary, or `tensorprep import`.
public enum QuestionOrigin: String, Codable, Sendable, DatabaseValueConvertible {
    case bundled, user
}

/// A row of `question`.
struct QuestionRow: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "question"
    var id: String
    var topic: String
    var tags: [String]
    var difficulty: Int
    var source: String
    var kind: String
    var explain: String?
    var questionZh: String
    var questionEn: String
    var answerZh: String
    var answerEn: String
    var correctionZh: String?
    var correctionEn: String?
    var demo: String
    var path: String?
    var origin: QuestionOrigin

    enum CodingKeys: String, CodingKey {
        case id, topic, tags, difficulty, source, kind, explain
        case questionZh = "question_zh", questionEn = "question_en", answerZh = "answer_zh", answerEn = "answer_en"
        case correctionZh = "correction_zh", correctionEn = "correction_en", demo, path, origin
    }

    init(_ q: Question, origin: QuestionOrigin) {
        id = q.id
        topic = q.topic
        tags = q.tags
        difficulty = q.difficulty
        source = q.source.rawValue
        kind = q.kind.rawValue
        explain = q.explain
        questionZh = q.prompt.zh
        questionEn = q.prompt.en
        answerZh = q.answer.zh
        answerEn = q.answer.en
        correctionZh = q.correction?.zh
        correctionEn = q.correction?.en
        demo = q.demo
        path = q.path
        self.origin = origin
    }
}

/// A row of `choice`.
struct ChoiceRow: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "choice"
    var questionId: String
    var position: Int
    var correct: Bool
    var textZh: String
    var textEn: String

    enum CodingKeys: String, CodingKey {
        case questionId = "question_id", position, correct, textZh = "text_zh", textEn = "text_en"
    }
}

/// A row of `demo`.
struct DemoRow: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "demo"
    var questionId: String
    var block: Int
    var position: Int
    var source: String
    var expected: String
    var line: Int

    enum CodingKeys: String, CodingKey {
        case questionId = "question_id", block, position, source, expected, line
    }
}

/// A row of `card`: the FSRS state of one study card (a bank question or a generated exercise).
/// Key convention: `q:<question id>` for bank questions; exercises choose their own prefix.
public struct CardRecord: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "card"
    public var key: String
    public var questionId: String?
    /// FSRS state: 1 learning, 2 review, 3 relearning (as in `fsrs` 6.x).
    public var state: Int
    /// Learning/relearning step index, nil in review.
    public var step: Int?
    public var stability: Double?
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?

    enum CodingKeys: String, CodingKey {
        case key, questionId = "question_id", state, step, stability, difficulty, due, lastReview = "last_review"
    }

    public init(key: String, questionId: String?, state: Int, step: Int?, stability: Double?, difficulty: Double?,
                due: Date, lastReview: Date?) {
        self.key = key
        self.questionId = questionId
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }
}

/// A row of `review_log`: one answer given in a quiz.
public struct ReviewLogRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "review_log"
    public var id: Int64?
    public var cardKey: String
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    public var rating: Int
    public var reviewedAt: Date
    public var elapsedDays: Double
    public var scheduledDays: Double
    /// FSRS state of the card after the review.
    public var state: Int
    public var durationMs: Int?

    enum CodingKeys: String, CodingKey {
        case id, cardKey = "card_key", rating, reviewedAt = "reviewed_at", elapsedDays = "elapsed_days"
        case scheduledDays = "scheduled_days", state, durationMs = "duration_ms"
    }

    public init(id: Int64? = nil, cardKey: String, rating: Int, reviewedAt: Date, elapsedDays: Double,
                scheduledDays: Double, state: Int, durationMs: Int? = nil) {
        self.id = id
        self.cardKey = cardKey
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.elapsedDays = elapsedDays
        self.scheduledDays = scheduledDays
        self.state = state
        self.durationMs = durationMs
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `import_meta`: the last import from one origin.
public struct ImportMetadata: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "import_meta"
    public var origin: QuestionOrigin
    public var contentHash: String
    public var importedAt: Date
    public var questionCount: Int

    enum CodingKeys: String, CodingKey {
        case origin, contentHash = "content_hash", importedAt = "imported_at", questionCount = "question_count"
    }
}
