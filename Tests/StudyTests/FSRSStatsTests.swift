import Foundation
import Testing
@testable import Study

// Expected values are counted by hand from the rows built in each test.

@Suite struct FSRSStatsTests {
    let utc = TimeZone(identifier: "UTC")!
    // Thursday 2026-11-26 15:00 UTC
    let now = Date(timeIntervalSince1970: 1_795_705_200)

    func day(_ offset: Int, hour: Double = 9) -> Date {
        Date(timeIntervalSince1970: 1_795_651_200 + Double(offset) * 86_400 + hour * 3600)
    }

    @Test func countsRetentionForecastTopics() {
        var reviews: [FSRS.StatsReview] = []
        // card a: learning steps on day -10, then Review-state reviews on -5 (Good), -2 (Again), 0 (Good)
        reviews.append(.init(cardKey: "a", topic: "autograd", rating: .good, reviewedAt: day(-10)))
        reviews.append(.init(cardKey: "a", topic: "autograd", rating: .good, reviewedAt: day(-10, hour: 9.2)))
        reviews.append(.init(cardKey: "a", topic: "autograd", rating: .good, reviewedAt: day(-5)))
        reviews.append(.init(cardKey: "a", topic: "autograd", rating: .again, reviewedAt: day(-2)))
        reviews.append(.init(cardKey: "a", topic: "autograd", rating: .good, reviewedAt: day(-2, hour: 9.2),
                             stateBefore: .relearning))
        reviews.append(.init(cardKey: "a", topic: "autograd", rating: .good, reviewedAt: day(0)))
        // card b: explicit states
        reviews.append(.init(cardKey: "b", topic: "conv", rating: .easy, reviewedAt: day(-1), stateBefore: .review))
        reviews.append(.init(cardKey: "b", topic: "conv", rating: .good, reviewedAt: day(-200), stateBefore: .learning))
        let cards = [
            FSRS.StatsCard(cardKey: "a", due: day(-3)),   // overdue -> today
            FSRS.StatsCard(cardKey: "b", due: day(0, hour: 23)),
            FSRS.StatsCard(cardKey: "c", due: day(3)),
            FSRS.StatsCard(cardKey: "d", due: day(13, hour: 23.9)),
            FSRS.StatsCard(cardKey: "e", due: day(14)),   // beyond the forecast
        ]
        let s = FSRS.StudyStats(reviews: reviews, cards: cards, now: now, timeZone: utc)
        #expect(s.days.count == 77 + 4) // Thursday: 11 whole weeks + Mon…Thu
        #expect(s.reviewsPerDay.last == 1)
        #expect(s.reviewsPerDay.reduce(0, +) == 7) // day -200 is outside
        #expect(s.totalReviews == 8)
        #expect(s.retentionTotal == 4 && s.retentionPassed == 3) // a: -5, -2, 0; b: -1
        #expect(s.trueRetention == 0.75)
        #expect(s.duePerDay == [2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(s.weakestTopics.map(\.topic) == ["autograd"]) // conv has < 3 Review-state reviews
        #expect(s.streakDays == 3) // -2, -1, 0
        let en = s.render(language: .en)
        #expect(en.contains("True retention: 75.0% (3 of 4 Review-state reviews not Again)"))
        #expect(en.contains("Thu "))
        let zh = s.render(language: .zh)
        #expect(zh.contains("真實保留率：75.0%"))
    }

    @Test func emptyHistory() {
        let s = FSRS.StudyStats(reviews: [], cards: [], now: now, timeZone: utc)
        #expect(s.trueRetention == nil && s.streakDays == 0 && s.duePerDay.allSatisfy { $0 == 0 })
        #expect(s.render(language: .en).contains("True retention: no Review-state reviews yet"))
    }
}
