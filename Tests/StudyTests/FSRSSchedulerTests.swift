import Foundation
import Testing
@testable import Study

// Expected values: the reference `fsrs` 6.3.2 source (fsrs/scheduler.py) — the constants and bounds are
// copied from it, and the example numbers were printed by Scripts/record_fsrs_vectors.py (schedule_example).

@Suite struct FSRSSchedulerTests {
    let t0 = Date(timeIntervalSince1970: 946_684_800) // 2000-01-01T00:00:00Z

    @Test func defaultsMatchTheReference() {
        let s = FSRS.Scheduler.standard
        #expect(s.parameters.count == 21 && s.parameters[20] == 0.1542)
        #expect(s.desiredRetention == 0.9 && s.learningSteps == [60, 600] && s.relearningSteps == [600])
        #expect(s.maximumInterval == 36500 && !s.enableFuzzing)
        #expect(s.decay == -0.1542)
        // with desired retention 0.9 the interval is the stability, rounded
        #expect(s.nextInterval(stability: 7.31530074407728) == 7)
        #expect(s.nextInterval(stability: 2.5) == 2) // round half to even, as Python's round
        #expect(s.nextInterval(stability: 0.01) == 1)
        #expect(s.nextInterval(stability: 1e9) == 36500)
    }

    @Test func validationRejectsOutOfBounds() {
        var p = FSRS.defaultParameters
        p[20] = 0.9
        #expect(throws: FSRS.ConfigurationError.self) { try FSRS.Scheduler(parameters: p) }
        #expect(throws: FSRS.ConfigurationError.self) { try FSRS.Scheduler(parameters: [1, 2]) }
        #expect(throws: FSRS.ConfigurationError.self) { try FSRS.Scheduler(desiredRetention: 1.5) }
        #expect(throws: FSRS.ConfigurationError.self) { try FSRS.Scheduler(maximumInterval: 0) }
    }

    @Test func exampleHistoryFromTheReference() {
        // fsrs 6.3.2, Scheduler(enable_fuzzing=False), reviews at day 0 Good, day 1 Good, day 7 Again:
        // day 0 rating 3: R=0 Learning->Learning step=1 S=2.3065 D=2.118103970459016 due=2000-01-01T00:10:00Z
        // day 1 rating 3: R=0.9468474993825461 Learning->Review S=7.31530074407728 D=2.111214235785395 due=2000-01-09
        // day 7 rating 1: R=0.913030736032017 Review->Relearning step=0 S=1.2186222375286688 D=7.392238132342694
        //                 due=2000-01-08T00:10:00Z
        let s = FSRS.Scheduler.standard
        var card = FSRS.Card(id: 1, due: t0)
        let a = s.review(card, rating: .good, at: t0)
        card = a.card
        #expect(a.retrievability == 0 && a.stabilityRule == .initial)
        #expect(card.state == .learning && card.step == 1 && card.stability == 2.3065 && card.difficulty == 2.118103970459016)
        #expect(card.due == t0.addingTimeInterval(600))
        let b = s.review(card, rating: .good, at: t0.addingTimeInterval(86400))
        card = b.card
        #expect(b.retrievability == 0.9468474993825461 && b.stabilityRule == .recall && b.intervalDays == 7)
        #expect(card.state == .review && card.step == nil)
        #expect(card.stability == 7.31530074407728 && card.difficulty == 2.111214235785395)
        let c = s.review(card, rating: .again, at: t0.addingTimeInterval(7 * 86400))
        card = c.card
        #expect(c.retrievability == 0.913030736032017 && c.stabilityRule == .forget)
        #expect(card.state == .relearning && card.step == 0)
        #expect(card.stability == 1.2186222375286688 && card.difficulty == 7.392238132342694)
        #expect(card.due == t0.addingTimeInterval(7 * 86400 + 600))
    }

    @Test func hardOnFirstStepIsTheMeanOfTheFirstTwoSteps() throws {
        let s = FSRS.Scheduler.standard
        let card = s.reviewCard(FSRS.Card(id: 2, due: t0), rating: .hard, reviewDate: t0).card
        #expect(card.due == t0.addingTimeInterval(330)) // (1 min + 10 min) / 2
        let one = try FSRS.Scheduler(learningSteps: [60])
        #expect(one.reviewCard(FSRS.Card(id: 2, due: t0), rating: .hard, reviewDate: t0).card.due
                == t0.addingTimeInterval(90)) // 1 min × 1.5
    }

    @Test func retrievabilityCountsWholeDays() throws {
        let s = FSRS.Scheduler.standard
        let card = s.reviewCard(FSRS.Card(id: 3, due: t0), rating: .easy, reviewDate: t0).card
        #expect(s.retrievability(of: card, at: t0.addingTimeInterval(86399)) == 1)
        #expect(s.retrievability(of: card, at: t0.addingTimeInterval(86400)) < 1)
        #expect(s.retrievability(of: card, at: t0.addingTimeInterval(-5 * 86400)) == 1) // max(0, days)
        #expect(s.retrievability(of: FSRS.Card(id: 4), at: t0) == 0)
        // R(S) = 0.9 by construction of FACTOR
        let st = try #require(card.stability)
        let r = s.retrievability(of: card, at: t0.addingTimeInterval(st * 86400))
        #expect(abs(r - 0.9) < 0.01)
    }

    @Test func pythonDayArithmetic() {
        #expect(FSRS.wholeDays(from: t0, to: t0.addingTimeInterval(86399.999999)) == 0)
        #expect(FSRS.wholeDays(from: t0, to: t0.addingTimeInterval(86400)) == 1)
        #expect(FSRS.wholeDays(from: t0, to: t0.addingTimeInterval(-1)) == -1)
        #expect(FSRS.wholeDays(from: t0, to: t0.addingTimeInterval(-86400)) == -1)
        #expect(FSRS.wholeDays(from: t0, to: t0.addingTimeInterval(-86401)) == -2)
        #expect(FSRS.divideRoundHalfEven(5, 2) == 2 && FSRS.divideRoundHalfEven(7, 2) == 4)
    }

    @Test func fuzzCoversTheSameRangeAsTheReference() {
        // fsrs 6.3.2: min/max of Scheduler()._get_fuzzed_interval(timedelta(days=d)).days over 20 000 draws
        // of Python's random(): 3 -> 2…5, 10 -> 8…13, 100 -> 93…108, 36500 -> 34673…36500
        let s = FSRS.Scheduler.standard.withFuzzing(true)
        let t0 = self.t0
        for (days, lo, hi) in [(3, 2, 5), (10, 8, 13), (100, 93, 108), (36500, 34673, 36500)] {
            let draws = (0..<20_000).compactMap { s.fuzzedIntervalDays(days, cardID: $0, reviewDate: t0) }
            #expect(draws.min() == lo && draws.max() == hi, "\(days)")
        }
    }

    @Test func fuzzIsDeterministicAndWithinTheReferenceBand() throws {
        let s = FSRS.Scheduler.standard.withFuzzing(true)
        // bands from the reference's _get_fuzz_range
        #expect(s.fuzzRange(intervalDays: 3) == (2, 4))
        #expect(s.fuzzRange(intervalDays: 10) == (8, 12))
        #expect(s.fuzzRange(intervalDays: 100) == (93, 107))
        #expect(s.fuzzedIntervalDays(2, cardID: 1, reviewDate: t0) == nil)
        var seen = Set<Int>()
        for id in 0..<400 {
            let at = t0.addingTimeInterval(Double(id) * 977)
            let f = s.fuzzedIntervalDays(100, cardID: id, reviewDate: at)
            #expect(f == s.fuzzedIntervalDays(100, cardID: id, reviewDate: at))
            let v = f ?? -1
            #expect((93...108).contains(v))
            seen.insert(v)
        }
        #expect(seen.count >= 10) // really spread over the band
        // the card lands on the fuzzed day; Learning steps are never fuzzed
        var card = FSRS.Card(id: 77, due: t0)
        card = s.reviewCard(card, rating: .good, reviewDate: t0).card
        #expect(card.due == t0.addingTimeInterval(600))
        let later = t0.addingTimeInterval(30 * 86400)
        let o = s.review(card, rating: .easy, at: later)
        let plain = FSRS.Scheduler.standard.review(card, rating: .easy, at: later)
        let days = try #require(o.intervalDays)
        let band = s.fuzzRange(intervalDays: plain.intervalDays ?? 0)
        #expect(days >= band.min && days <= band.max + 1)
        #expect(o.card.due == later.addingTimeInterval(Double(days) * 86400))
        #expect(o.card.stability == plain.card.stability)
    }
}
