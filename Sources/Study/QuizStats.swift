import Foundation
import QuestionBank

// `tensorprep stats` over the bank: the review log and the cards as the plain rows `FSRS.StudyStats` takes.

extension FSRS.StudyStats {
    /// The statistics of everything studied in `bank`; nil when nothing has been answered yet.
    public init?(bank: QuestionBank, now: Date, timeZone: TimeZone = .current) throws {
        let logs = try bank.reviewLog()
        let cards = try bank.allCards()
        guard !logs.isEmpty || !cards.isEmpty else { return nil }
        let rows = FSRS.StudyStats.rows(logs: logs, cards: cards, questionTopics: try bank.questionTopics())
        self.init(reviews: rows.reviews, cards: rows.cards, now: now, timeZone: timeZone)
    }

    /// Turns stored rows into stats rows: each card's topic (its question's, or the exercise kind's), and each
    /// review's state before it (the state the previous review of that card left, Learning for the first).
    static func rows(logs: [ReviewLogRecord], cards: [CardRecord], questionTopics: [String: String])
        -> (reviews: [FSRS.StatsReview], cards: [FSRS.StatsCard]) {
        func topic(_ key: String) -> String? {
            if let id = CardRecord.questionID(key: key) { return questionTopics[id] }
            return ExerciseKind(cardKey: key)?.topic
        }
        var stateAfter: [String: FSRS.State] = [:]
        var reviews: [FSRS.StatsReview] = []
        for log in logs.sorted(by: { ($0.reviewedAt, $0.id ?? 0) < ($1.reviewedAt, $1.id ?? 0) }) {
            guard let rating = FSRS.Rating(rawValue: log.rating) else { continue }
            reviews.append(FSRS.StatsReview(cardKey: log.cardKey, topic: topic(log.cardKey), rating: rating,
                                            reviewedAt: log.reviewedAt, stateBefore: stateAfter[log.cardKey] ?? .learning))
            stateAfter[log.cardKey] = FSRS.State(rawValue: log.state) ?? .learning
        }
        return (reviews, cards.map { FSRS.StatsCard(cardKey: $0.key, topic: topic($0.key), due: $0.due) })
    }
}
