import Foundation
import Testing
@testable import Study

// Expected values: Fixtures/fsrs_vectors.json, recorded from the reference package `fsrs` 6.3.2 (PyPI) with
// fuzzing off by Scripts/record_fsrs_vectors.py (seeded random review histories; see the script).

struct FSRSVectors: Decodable {
    struct Config: Decodable {
        var parameters: [Double]
        var desired_retention: Double
        var learning_steps: [Double]
        var relearning_steps: [Double]
        var maximum_interval: Int
    }
    struct Step: Decodable {
        var review: String
        var rating: Int
        var retrievability: Double
        var due: String
        var state: Int
        var step: Int?
        var stability: Double
        var difficulty: Double
    }
    struct History: Decodable {
        var card_id: Int
        var steps: [Step]
        var scheduler: Config?
    }
    var source: String
    var histories: [History]

    static func load() throws -> FSRSVectors {
        let url = try #require(Bundle.module.url(forResource: "fsrs_vectors", withExtension: "json",
                                                 subdirectory: "Fixtures"))
        return try JSONDecoder().decode(FSRSVectors.self, from: Data(contentsOf: url))
    }
}

/// ISO-8601 with whole seconds in UTC, the format of the fixture.
func isoSeconds(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: date)
}

func parseISO(_ s: String) -> Date? {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.date(from: s)
}

func relativeClose(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool {
    a == b || abs(a - b) <= tol * max(abs(a), abs(b))
}

@Suite struct FSRSVectorTests {
    @Test func everyRecordedHistoryReplaysIdentically() throws {
        let vectors = try FSRSVectors.load()
        #expect(vectors.histories.count >= 200)
        var reviews = 0, bitExact = 0
        for history in vectors.histories {
            let scheduler: FSRS.Scheduler
            if let c = history.scheduler {
                scheduler = try FSRS.Scheduler(parameters: c.parameters, desiredRetention: c.desired_retention,
                                               learningSteps: c.learning_steps, relearningSteps: c.relearning_steps,
                                               maximumInterval: c.maximum_interval, enableFuzzing: false)
            } else {
                scheduler = .standard
            }
            let first = try #require(parseISO(history.steps[0].review))
            var card = FSRS.Card(id: history.card_id, due: first)
            for (i, step) in history.steps.enumerated() {
                let at = try #require(parseISO(step.review))
                let rating = try #require(FSRS.Rating(rawValue: step.rating))
                let r = scheduler.retrievability(of: card, at: at)
                let (next, log) = scheduler.reviewCard(card, rating: rating, reviewDate: at)
                card = next
                reviews += 1
                let where_ = "card \(history.card_id) review \(i) at \(step.review)"
                #expect(log.rating == rating && log.cardID == history.card_id && log.reviewDate == at)
                #expect(isoSeconds(card.due) == step.due, "\(where_): due")
                #expect(card.state.rawValue == step.state, "\(where_): state")
                #expect(card.step == step.step, "\(where_): step")
                #expect(relativeClose(r, step.retrievability), "\(where_): retrievability \(r) vs \(step.retrievability)")
                let s = card.stability ?? .nan, d = card.difficulty ?? .nan
                #expect(relativeClose(s, step.stability), "\(where_): stability \(s) vs \(step.stability)")
                #expect(relativeClose(d, step.difficulty), "\(where_): difficulty \(d) vs \(step.difficulty)")
                if s == step.stability && d == step.difficulty && r == step.retrievability { bitExact += 1 }
            }
        }
        // Same operations in the same order with the same libm: every number should match to the last bit.
        print("FSRS vectors: \(vectors.histories.count) histories, \(reviews) reviews, \(bitExact) bit-exact")
        #expect(bitExact == reviews)
    }

    @Test func rescheduleReplaysLogs() throws {
        let vectors = try FSRSVectors.load()
        let history = try #require(vectors.histories.first { $0.scheduler == nil && $0.steps.count > 5 })
        var logs: [FSRS.ReviewLog] = []
        for step in history.steps.reversed() { // order must not matter
            logs.append(FSRS.ReviewLog(cardID: history.card_id, rating: try #require(FSRS.Rating(rawValue: step.rating)),
                                       reviewDate: try #require(parseISO(step.review))))
        }
        let card = FSRS.Scheduler.standard.rescheduleCard(FSRS.Card(id: history.card_id), reviewLogs: logs)
        let last = try #require(history.steps.last)
        #expect(isoSeconds(card.due) == last.due)
        #expect(card.stability == last.stability && card.difficulty == last.difficulty)
    }
}
