import Foundation

/// FSRS-6, the Free Spaced Repetition Scheduler, computed exactly as the reference Python package
/// `fsrs` 6.x (PyPI) computes it: same formulas, same order of floating-point operations (so the same
/// bits), the same whole-day arithmetic on datetimes, and the same rounding of intervals.
///
/// The types are namespaced (`FSRS.Card`, `FSRS.Scheduler`, …) because names like `Card` and `State`
/// are too common to claim for the whole module.
public enum FSRS {
    /// The 21 default model weights w0…w20 of FSRS-6 (`fsrs.scheduler.DEFAULT_PARAMETERS`).
    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    /// Inclusive bounds every weight must lie in (`LOWER_BOUNDS_PARAMETERS`, `UPPER_BOUNDS_PARAMETERS`).
    public static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]
    public static let upperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]
    public static let stabilityMin = 0.001
    public static let minDifficulty = 1.0
    public static let maxDifficulty = 10.0

    /// How well the learner recalled the card.
    public enum Rating: Int, CaseIterable, Sendable, Codable, Hashable, Comparable {
        case again = 1, hard = 2, good = 3, easy = 4

        public static func < (a: Rating, b: Rating) -> Bool { a.rawValue < b.rawValue }

        /// A learner's typed grade: `1`…`4`, `again`/`hard`/`good`/`easy` or `a`/`h`/`g`/`e` (any case,
        /// surrounding spaces ignored); `nil` for anything else.
        public init?(input: String) {
            switch input.trimmingCharacters(in: .whitespaces).lowercased() {
            case "1", "again", "a": self = .again
            case "2", "hard", "h": self = .hard
            case "3", "good", "g": self = .good
            case "4", "easy", "e": self = .easy
            default: return nil
            }
        }
    }

    /// Where a card is in its life: the reference's `State` (Learning = 1, Review = 2, Relearning = 3).
    public enum State: Int, CaseIterable, Sendable, Codable, Hashable {
        case learning = 1, review = 2, relearning = 3
    }

    /// A card's memory state. A new card is `Card(id:)`: Learning, step 0, no stability or difficulty yet.
    public struct Card: Sendable, Hashable, Codable {
        public var id: Int
        public var state: State
        /// The learning or relearning step, `nil` in the Review state.
        public var step: Int?
        /// Days until retrievability falls to 90 %; `nil` until the first review.
        public var stability: Double?
        /// 1 (easy) … 10 (hard); `nil` until the first review.
        public var difficulty: Double?
        public var due: Date
        public var lastReview: Date?

        public init(id: Int, state: State = .learning, step: Int? = nil, stability: Double? = nil,
                    difficulty: Double? = nil, due: Date = Date(), lastReview: Date? = nil) {
            self.id = id
            self.state = state
            // as the reference: a Learning card without a step starts at step 0
            self.step = (state == .learning && step == nil) ? 0 : step
            self.stability = stability
            self.difficulty = difficulty
            self.due = due
            self.lastReview = lastReview
        }
    }

    /// One review, as the reference's `ReviewLog`.
    public struct ReviewLog: Sendable, Hashable, Codable {
        public var cardID: Int
        public var rating: Rating
        public var reviewDate: Date
        /// Milliseconds the learner took, if known.
        public var reviewDuration: Int?

        public init(cardID: Int, rating: Rating, reviewDate: Date, reviewDuration: Int? = nil) {
            self.cardID = cardID
            self.rating = rating
            self.reviewDate = reviewDate
            self.reviewDuration = reviewDuration
        }
    }

    /// Invalid scheduler settings (the reference raises `ValueError` for bad parameters).
    public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Which formula produced a review's new stability — the `schedule` command explains it.
    public enum StabilityRule: String, Sendable, Hashable {
        /// First review: S₀ = w[G−1].
        case initial
        /// Reviewed again less than a whole day after the previous review.
        case shortTerm
        /// Remembered after at least a day.
        case recall
        /// Forgot after at least a day.
        case forget
    }
}

// MARK: - Python datetime arithmetic

extension FSRS {
    static let microsecondsPerDay: Int64 = 86_400_000_000

    /// `(later - earlier).days` in Python: whole days, floored (a negative difference gives −1, −2, …).
    /// The difference is taken in whole microseconds, the resolution of Python's `datetime`.
    static func wholeDays(from earlier: Date, to later: Date) -> Int {
        let seconds = later.timeIntervalSince(earlier)
        guard seconds.isFinite else { return seconds > 0 ? Int.max / 2 : Int.min / 2 }
        let micro = (seconds * 1_000_000).rounded()
        // Beyond ±2^62 µs (146 000 years) clamp instead of trapping on the conversion.
        let limit = 4.6e18
        let us = Int64(Swift.max(-limit, Swift.min(limit, micro)))
        var days = us / microsecondsPerDay
        if us % microsecondsPerDay != 0 && us < 0 { days -= 1 }
        return Int(days)
    }

    /// A duration in whole microseconds, as Python's `timedelta` stores it.
    static func microseconds(_ seconds: TimeInterval) -> Int64 {
        guard seconds.isFinite else { return 0 }
        let limit = 4.6e18
        return Int64(Swift.max(-limit, Swift.min(limit, (seconds * 1_000_000).rounded(.toNearestOrEven))))
    }

    /// `n / d` rounded half to even, as `timedelta / float` rounds (`_divide_and_round`).
    static func divideRoundHalfEven(_ n: Int64, _ d: Int64) -> Int64 {
        var q = n / d
        var r = n % d
        if r != 0 && ((r < 0) != (d < 0)) { q -= 1; r += d } // floor division
        let twice = 2 * r
        if twice > d || (twice == d && q % 2 != 0) { q += 1 }
        return q
    }
}
