import Foundation

// Every formula below mirrors `fsrs/scheduler.py` (fsrs 6.3.x) operation by operation: Python's `a ** b`
// is C `pow`, so `math.e ** x` is `pow(M_E, x)` here (not `exp(x)`, which can differ in the last bit),
// products are evaluated left to right as Python does, and Python's `round` is round-half-to-even.

extension FSRS {
    /// The FSRS-6 scheduler: reviews a card and says when it is due next.
    public struct Scheduler: Sendable, Hashable {
        /// The model weights w0…w20.
        public let parameters: [Double]
        /// Target probability of recall when a card falls due (0 < r < 1).
        public let desiredRetention: Double
        /// Same-day steps of a new card, in seconds (default 1 min, 10 min).
        public let learningSteps: [TimeInterval]
        /// Same-day steps after a lapse, in seconds (default 10 min).
        public let relearningSteps: [TimeInterval]
        /// Longest interval in days (default 36 500).
        public let maximumInterval: Int
        /// Adds the reference's random "fuzz" to Review intervals of ≥ 3 days, seeded per card and review
        /// time so it is reproducible. Off by default: SPEC §5 schedules as the reference does with fuzzing off.
        public let enableFuzzing: Bool

        /// DECAY = −w20 of the power forgetting curve R(t) = (1 + FACTOR·t/S)^DECAY.
        public let decay: Double
        /// FACTOR = 0.9^(1/DECAY) − 1, so that R(S) = 0.9.
        public let factor: Double

        /// The scheduler SPEC §5 prescribes: default weights, retention 0.9, steps 1 min/10 min, relearning
        /// 10 min, maximum interval 36 500 days, no fuzzing.
        public static let standard = Scheduler(unchecked: FSRS.defaultParameters, desiredRetention: 0.9,
                                               learningSteps: [60, 600], relearningSteps: [600],
                                               maximumInterval: 36500, enableFuzzing: false)

        /// Validates like the reference (21 weights, each within its bounds) and also rejects settings
        /// that would make the arithmetic meaningless (retention outside (0, 1), negative steps, …).
        public init(parameters: [Double] = FSRS.defaultParameters, desiredRetention: Double = 0.9,
                    learningSteps: [TimeInterval] = [60, 600], relearningSteps: [TimeInterval] = [600],
                    maximumInterval: Int = 36500, enableFuzzing: Bool = false) throws {
            guard parameters.count == FSRS.lowerBounds.count else {
                throw ConfigurationError("Expected \(FSRS.lowerBounds.count) parameters, got \(parameters.count).")
            }
            var errors: [String] = []
            for (i, p) in parameters.enumerated() where !(FSRS.lowerBounds[i] <= p && p <= FSRS.upperBounds[i]) {
                errors.append("parameters[\(i)] = \(p) is out of bounds: (\(FSRS.lowerBounds[i]), \(FSRS.upperBounds[i]))")
            }
            if !errors.isEmpty {
                throw ConfigurationError((["One or more parameters are out of bounds:"] + errors).joined(separator: "\n"))
            }
            guard desiredRetention > 0, desiredRetention < 1 else {
                throw ConfigurationError("desired retention must be between 0 and 1, got \(desiredRetention)")
            }
            guard (learningSteps + relearningSteps).allSatisfy({ $0.isFinite && $0 >= 0 && $0 < 1e12 }) else {
                throw ConfigurationError("learning and relearning steps must be non-negative durations")
            }
            guard maximumInterval >= 1, maximumInterval <= 10_000_000 else {
                throw ConfigurationError("maximum interval must be between 1 and 10000000 days, got \(maximumInterval)")
            }
            self.init(unchecked: parameters, desiredRetention: desiredRetention, learningSteps: learningSteps,
                      relearningSteps: relearningSteps, maximumInterval: maximumInterval, enableFuzzing: enableFuzzing)
        }

        private init(unchecked parameters: [Double], desiredRetention: Double, learningSteps: [TimeInterval],
                     relearningSteps: [TimeInterval], maximumInterval: Int, enableFuzzing: Bool) {
            self.parameters = parameters
            self.desiredRetention = desiredRetention
            self.learningSteps = learningSteps
            self.relearningSteps = relearningSteps
            self.maximumInterval = maximumInterval
            self.enableFuzzing = enableFuzzing
            decay = -parameters[20]
            factor = pow(0.9, 1 / decay) - 1
        }

        /// The same scheduler with fuzzing switched on or off.
        public func withFuzzing(_ on: Bool) -> Scheduler {
            Scheduler(unchecked: parameters, desiredRetention: desiredRetention, learningSteps: learningSteps,
                      relearningSteps: relearningSteps, maximumInterval: maximumInterval, enableFuzzing: on)
        }

        private var w: [Double] { parameters }

        // MARK: Retrievability

        /// Probability of recall at `now` (`get_card_retrievability`): 0 for a card never reviewed; elapsed
        /// time counts in whole days (floored), so it stays 1 for the whole first day after a review.
        public func retrievability(of card: Card, at now: Date) -> Double {
            guard let last = card.lastReview, let stability = card.stability else { return 0 }
            let elapsedDays = Swift.max(0, FSRS.wholeDays(from: last, to: now))
            return pow(1 + factor * Double(elapsedDays) / stability, decay)
        }

        // MARK: Reviewing

        /// What one review did, beyond the updated card: the rule behind the new stability and the interval.
        public struct Outcome: Sendable, Hashable {
            public var card: Card
            public var log: ReviewLog
            /// The state before the review.
            public var previousState: State
            /// Retrievability at the moment of the review, before it (0 for a new card).
            public var retrievability: Double
            /// Whole days since the previous review (`nil` for the first).
            public var elapsedDays: Int?
            public var stabilityRule: StabilityRule
            /// Time until due.
            public var interval: TimeInterval
            /// The interval in days when the card was scheduled in days (Review); `nil` for a (re)learning step.
            public var intervalDays: Int?
            /// The interval before fuzzing, when fuzzing changed it.
            public var unfuzzedIntervalDays: Int?
        }

        /// Reviews `card` with `rating` at `reviewDate` (`Scheduler.review_card`).
        public func reviewCard(_ card: Card, rating: Rating, reviewDate: Date,
                               reviewDuration: Int? = nil) -> (card: Card, log: ReviewLog) {
            let o = review(card, rating: rating, at: reviewDate, reviewDuration: reviewDuration)
            return (o.card, o.log)
        }

        /// Like `reviewCard`, and also reports how the result came about.
        public func review(_ input: Card, rating: Rating, at reviewDate: Date, reviewDuration: Int? = nil) -> Outcome {
            var card = input
            let previousState = card.state
            let daysSinceLastReview = card.lastReview.map { FSRS.wholeDays(from: $0, to: reviewDate) }
            let r = retrievability(of: card, at: reviewDate)
            var rule = StabilityRule.initial
            var intervalMicro: Int64 = 0
            var intervalDays: Int? = nil

            func scheduleInDays() {
                let days = nextInterval(stability: card.stability ?? FSRS.stabilityMin)
                intervalDays = days
                intervalMicro = Int64(days) * FSRS.microsecondsPerDay
            }

            switch card.state {
            case .learning, .relearning:
                let isLearning = card.state == .learning
                let steps = isLearning ? learningSteps : relearningSteps
                let step = card.step ?? 0
                card.step = step

                if isLearning, card.stability == nil || card.difficulty == nil {
                    card.stability = initialStability(rating)
                    card.difficulty = initialDifficulty(rating, clamp: true)
                    rule = .initial
                } else {
                    let s = card.stability ?? FSRS.stabilityMin
                    let d = card.difficulty ?? initialDifficulty(.good, clamp: true)
                    if let days = daysSinceLastReview, days < 1 {
                        card.stability = shortTermStability(s, rating)
                        rule = .shortTerm
                    } else {
                        card.stability = nextStability(difficulty: d, stability: s, retrievability: r, rating: rating)
                        rule = rating == .again ? .forget : .recall
                    }
                    card.difficulty = nextDifficulty(d, rating)
                }

                if steps.isEmpty || (step >= steps.count && rating != .again) {
                    card.state = .review
                    card.step = nil
                    scheduleInDays()
                } else {
                    switch rating {
                    case .again:
                        card.step = 0
                        intervalMicro = FSRS.microseconds(steps[0])
                    case .hard:
                        // the step stays the same
                        if step == 0 && steps.count == 1 {
                            intervalMicro = FSRS.divideRoundHalfEven(FSRS.microseconds(steps[0]) * 3, 2)
                        } else if step == 0 && steps.count >= 2 {
                            intervalMicro = FSRS.divideRoundHalfEven(
                                FSRS.microseconds(steps[0]) + FSRS.microseconds(steps[1]), 2)
                        } else {
                            intervalMicro = FSRS.microseconds(steps[Swift.min(step, steps.count - 1)])
                        }
                    case .good:
                        if step + 1 >= steps.count { // the last step
                            card.state = .review
                            card.step = nil
                            scheduleInDays()
                        } else {
                            card.step = step + 1
                            intervalMicro = FSRS.microseconds(steps[step + 1])
                        }
                    case .easy:
                        card.state = .review
                        card.step = nil
                        scheduleInDays()
                    }
                }

            case .review:
                let s = card.stability ?? FSRS.stabilityMin
                let d = card.difficulty ?? initialDifficulty(.good, clamp: true)
                if let days = daysSinceLastReview, days < 1 {
                    card.stability = shortTermStability(s, rating)
                    rule = .shortTerm
                } else {
                    card.stability = nextStability(difficulty: d, stability: s, retrievability: r, rating: rating)
                    rule = rating == .again ? .forget : .recall
                }
                card.difficulty = nextDifficulty(d, rating)

                if rating == .again && !relearningSteps.isEmpty {
                    card.state = .relearning
                    card.step = 0
                    intervalMicro = FSRS.microseconds(relearningSteps[0])
                } else {
                    scheduleInDays()
                }
            }

            var unfuzzed: Int? = nil
            if enableFuzzing && card.state == .review {
                let days = Int(intervalMicro / FSRS.microsecondsPerDay)
                let fuzzed = fuzzedIntervalDays(days, cardID: card.id, reviewDate: reviewDate)
                if let fuzzed {
                    if fuzzed != days { unfuzzed = days }
                    intervalMicro = Int64(fuzzed) * FSRS.microsecondsPerDay
                    intervalDays = fuzzed
                }
            }

            let interval = Double(intervalMicro) / 1_000_000
            card.due = reviewDate.addingTimeInterval(interval)
            card.lastReview = reviewDate
            let log = ReviewLog(cardID: card.id, rating: rating, reviewDate: reviewDate, reviewDuration: reviewDuration)
            return Outcome(card: card, log: log, previousState: previousState, retrievability: r,
                           elapsedDays: daysSinceLastReview, stabilityRule: rule, interval: interval,
                           intervalDays: intervalDays, unfuzzedIntervalDays: unfuzzed)
        }

        /// Replays a card's review logs (sorted by time) from a new card (`reschedule_card`).
        public func rescheduleCard(_ card: Card, reviewLogs: [ReviewLog]) -> Card {
            var result = Card(id: card.id, due: card.due)
            for log in reviewLogs.filter({ $0.cardID == card.id }).sorted(by: { $0.reviewDate < $1.reviewDate }) {
                result = reviewCard(result, rating: log.rating, reviewDate: log.reviewDate).card
            }
            return result
        }

        // MARK: The formulas

        private func clampDifficulty(_ d: Double) -> Double {
            Swift.min(Swift.max(d, FSRS.minDifficulty), FSRS.maxDifficulty)
        }

        private func clampStability(_ s: Double) -> Double {
            Swift.max(s, FSRS.stabilityMin)
        }

        /// S₀(G) = w[G−1].
        public func initialStability(_ rating: Rating) -> Double {
            clampStability(w[rating.rawValue - 1])
        }

        /// D₀(G) = w4 − e^(w5·(G−1)) + 1.
        public func initialDifficulty(_ rating: Rating, clamp: Bool) -> Double {
            let d = w[4] - pow(M_E, w[5] * Double(rating.rawValue - 1)) + 1
            return clamp ? clampDifficulty(d) : d
        }

        /// I(S) = S/FACTOR·(r^(1/DECAY) − 1), rounded half to even, at least 1, at most the maximum interval.
        public func nextInterval(stability: Double) -> Int {
            let days = (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
            guard days.isFinite else { return days > 0 ? maximumInterval : 1 }
            let rounded = days.rounded(.toNearestOrEven)
            if rounded >= Double(maximumInterval) { return maximumInterval }
            return Swift.min(Swift.max(Int(Swift.max(rounded, 0)), 1), maximumInterval)
        }

        /// S' = S·e^(w17·(G−3+w18))·S^(−w19), the increase at least 1 unless the rating is Again.
        public func shortTermStability(_ stability: Double, _ rating: Rating) -> Double {
            var increase = pow(M_E, w[17] * (Double(rating.rawValue - 3) + w[18])) * pow(stability, -w[19])
            if rating != .again { increase = Swift.max(increase, 1.0) }
            return clampStability(stability * increase)
        }

        /// D' = w7·D₀(Easy) + (1−w7)·(D + (10−D)·ΔD/9), ΔD = −w6·(G−3), clamped to [1, 10].
        public func nextDifficulty(_ difficulty: Double, _ rating: Rating) -> Double {
            let arg1 = initialDifficulty(.easy, clamp: false)
            let delta = -(w[6] * Double(rating.rawValue - 3))
            let arg2 = difficulty + (10.0 - difficulty) * delta / 9.0
            let next = w[7] * arg1 + (1 - w[7]) * arg2
            return clampDifficulty(next)
        }

        /// Stability after a review at least a day after the previous one.
        public func nextStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
            let s = rating == .again
                ? nextForgetStability(difficulty: difficulty, stability: stability, retrievability: retrievability)
                : nextRecallStability(difficulty: difficulty, stability: stability, retrievability: retrievability,
                                      rating: rating)
            return clampStability(s)
        }

        /// S'f = min(w11·D^(−w12)·((S+1)^w13 − 1)·e^((1−R)·w14), S/e^(w17·w18)).
        public func nextForgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
            let longTerm = w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1)
                * pow(M_E, (1 - retrievability) * w[14])
            let shortTerm = stability / pow(M_E, w[17] * w[18])
            return Swift.min(longTerm, shortTerm)
        }

        /// S'r = S·(1 + e^w8·(11−D)·S^(−w9)·(e^((1−R)·w10) − 1)·w15[Hard]·w16[Easy]).
        public func nextRecallStability(difficulty: Double, stability: Double, retrievability: Double,
                                        rating: Rating) -> Double {
            let hardPenalty = rating == .hard ? w[15] : 1
            let easyBonus = rating == .easy ? w[16] : 1
            return stability * (1 + pow(M_E, w[8]) * (11 - difficulty) * pow(stability, -w[9])
                * (pow(M_E, (1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus)
        }
    }
}
