import Foundation
import QuestionBank

// Which cards a quiz session asks, in which order (SPEC §5): the due cards first (oldest due first), then up to
// `newLimit` cards never answered, all capped by `limit`. Bank questions are cards `q:<id>`; each kind of
// prediction exercise is one card `x:<kind>`, scheduled by FSRS like any other.

/// What a session asks.
public enum QuizMode: String, CaseIterable, Sendable {
    /// Bank questions only (recall and choice cards).
    case recall
    /// Prediction exercises only.
    case predict
    /// Bank questions with prediction exercises interleaved.
    case mixed
}

/// The choices of `tensorprep quiz`.
public struct QuizOptions: Sendable {
    public var topic: String?
    public var tag: String?
    /// At most this many new cards (never answered) after the due ones.
    public var newLimit: Int
    /// At most this many cards in all; nil for no cap.
    public var limit: Int?
    public var mode: QuizMode
    /// Seeds the order of new cards and the exercises' random inputs.
    public var seed: UInt64

    public init(topic: String? = nil, tag: String? = nil, newLimit: Int = 10, limit: Int? = nil,
                mode: QuizMode = .mixed, seed: UInt64) {
        self.topic = topic
        self.tag = tag
        self.newLimit = newLimit
        self.limit = limit
        self.mode = mode
        self.seed = seed
    }

    /// The tags an exercise card answers to for `--tag`: `exercise` and its kind (`gather`, `conv_shape`, …).
    public static func exerciseTags(_ kind: ExerciseKind) -> [String] { ["exercise", kind.rawValue] }
}

/// One card of a session.
public struct QuizItem: Sendable {
    public enum Content: Sendable {
        /// A bank question (recall or choice).
        case question(Question)
        /// A generated prediction exercise.
        case exercise(any Exercise)
    }

    public var content: Content
    /// `q:<id>` or `x:<kind>`.
    public var cardKey: String
    /// The stored card, nil for a new card.
    public var card: CardRecord?

    public var isNew: Bool { card == nil }
}

/// The ordered cards of one session.
public struct QuizPlan: Sendable {
    public var items: [QuizItem]

    /// Picks and orders the cards. Due means `card.due <= now`; new means no card row yet.
    /// - Parameter exercises: draws one exercise for each exercise card picked, in session order
    ///   (nil: no exercise cards, whatever the mode).
    public static func make(bank: QuestionBank, options: QuizOptions, now: Date,
                            exercises: inout (any ExerciseSource)?) throws -> QuizPlan {
        var questions: [Question] = []
        if options.mode != .predict {
            questions = try bank.questions(topic: options.topic, tag: options.tag)
        }
        var kinds: [ExerciseKind] = []
        if options.mode != .recall && exercises != nil {
            kinds = ExerciseKind.allCases.filter { kind in
                (options.topic == nil || options.topic == kind.topic)
                    && (options.tag.map { QuizOptions.exerciseTags(kind).contains($0) } ?? true)
            }
        }
        let questionKeys = questions.map { CardRecord.key(question: $0.id) }
        let cards = try bank.cards(keys: questionKeys + kinds.map(\.cardKey))

        enum Pending { case question(Question), exercise(ExerciseKind) }
        var due: [(Pending, CardRecord)] = []
        var newQuestions: [Pending] = []
        var newExercises: [Pending] = []
        for (q, key) in zip(questions, questionKeys) {
            if let card = cards[key] {
                if card.due <= now { due.append((.question(q), card)) }
            } else {
                newQuestions.append(.question(q))
            }
        }
        for kind in kinds {
            if let card = cards[kind.cardKey] {
                if card.due <= now { due.append((.exercise(kind), card)) }
            } else {
                newExercises.append(.exercise(kind))
            }
        }
        due.sort { ($0.1.due, $0.1.key) < ($1.1.due, $1.1.key) }

        var random = QuizRandom(seed: options.seed)
        newQuestions.shuffle(using: &random)
        newExercises.shuffle(using: &random)
        // Mixed: new questions and new exercises alternate, a question first.
        var fresh: [Pending] = []
        var qi = 0, xi = 0
        while fresh.count < max(0, options.newLimit) && (qi < newQuestions.count || xi < newExercises.count) {
            let takeQuestion = xi >= newExercises.count || (qi < newQuestions.count && qi <= xi)
            if takeQuestion { fresh.append(newQuestions[qi]); qi += 1 } else { fresh.append(newExercises[xi]); xi += 1 }
        }

        var ordered: [(Pending, CardRecord?)] = due.map { ($0.0, $0.1) } + fresh.map { ($0, nil) }
        if let limit = options.limit { ordered = Array(ordered.prefix(max(0, limit))) }

        var items: [QuizItem] = []
        for (pending, card) in ordered {
            switch pending {
            case .question(let q):
                items.append(QuizItem(content: .question(q), cardKey: CardRecord.key(question: q.id), card: card))
            case .exercise(let kind):
                guard var source = exercises else { continue }
                let exercise = source.next(kind)
                exercises = source
                items.append(QuizItem(content: .exercise(exercise), cardKey: kind.cardKey, card: card))
            }
        }
        return QuizPlan(items: items)
    }
}

/// SplitMix64 as a `RandomNumberGenerator`: the same seed gives the same order on every platform.
struct QuizRandom: RandomNumberGenerator {
    private var state: UInt64
    /// The seed is hashed first: SplitMix's first outputs for neighbouring seeds (1, 2, 3…) share their top bits,
    /// which would give neighbouring seeds the same first card.
    init(seed: UInt64) { state = FSRS.splitMix64(seed) }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FSRS.splitMix64(state)
    }
}

// MARK: - FSRS cards ⇄ card rows

extension FSRS.Card {
    /// The scheduler's view of a stored card (a new card when `record` is nil).
    init(key: String, record: CardRecord?, now: Date) {
        let id = FSRS.cardID(key: key)
        guard let record else {
            self.init(id: id, due: now)
            return
        }
        self.init(id: id, state: FSRS.State(rawValue: record.state) ?? .learning, step: record.step,
                  stability: record.stability, difficulty: record.difficulty, due: record.due,
                  lastReview: record.lastReview)
    }
}

extension FSRS {
    /// A stable integer id for a card key (FNV-1a), which fuzzing seeds from.
    static func cardID(key: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}

extension CardRecord {
    /// The row of a card after a review.
    init(key: String, card: FSRS.Card) {
        self.init(key: key, questionId: CardRecord.questionID(key: key), state: card.state.rawValue, step: card.step,
                  stability: card.stability, difficulty: card.difficulty, due: card.due, lastReview: card.lastReview)
    }
}
