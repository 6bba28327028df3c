import Foundation

// Interval fuzzing, as `Scheduler._get_fuzzed_interval` of the reference: intervals under 2.5 days are left
// alone; longer ones get a random number of days in a band that widens with the interval (15 % of the part
// between 2.5 and 7 days, 10 % between 7 and 20, 5 % beyond, plus one day). The reference draws from Python's
// global `random()`; here the draw is a hash of the card id and the review time, so the same review of the
// same card always lands on the same day (reproducible tests, no surprises when a review is replayed).

extension FSRS {
    /// `(start, end, factor)` of the reference's `FUZZ_RANGES`.
    static let fuzzRanges: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7.0, 0.15),
        (7.0, 20.0, 0.1),
        (20.0, .infinity, 0.05),
    ]

    /// SplitMix64's output function: a well-mixed 64-bit hash.
    static func splitMix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) determined by the card and the moment of the review.
    static func fuzzUniform(cardID: Int, reviewDate: Date) -> Double {
        let micro = UInt64(bitPattern: microseconds(reviewDate.timeIntervalSince1970))
        let h = splitMix64(splitMix64(UInt64(bitPattern: Int64(cardID))) ^ micro)
        return Double(h >> 11) * 0x1.0p-53
    }
}

extension FSRS.Scheduler {
    /// The band `(min, max)` of fuzzed intervals for an interval of `days` (`_get_fuzz_range`).
    public func fuzzRange(intervalDays days: Int) -> (min: Int, max: Int) {
        var delta = 1.0
        for range in FSRS.fuzzRanges {
            delta += range.factor * Swift.max(Swift.min(Double(days), range.end) - range.start, 0.0)
        }
        var minIvl = Int((Double(days) - delta).rounded(.toNearestOrEven))
        var maxIvl = Int((Double(days) + delta).rounded(.toNearestOrEven))
        minIvl = Swift.max(2, minIvl)
        maxIvl = Swift.min(maxIvl, maximumInterval)
        minIvl = Swift.min(minIvl, maxIvl)
        return (minIvl, maxIvl)
    }

    /// The fuzzed interval for a Review interval of `days`, or `nil` when the interval is too short to fuzz.
    /// As in the reference, the result is `round(u·(max−min+1) + min)` for a uniform `u` in [0, 1), capped at
    /// the maximum interval — so it lies in [min, max+1].
    public func fuzzedIntervalDays(_ days: Int, cardID: Int, reviewDate: Date) -> Int? {
        guard Double(days) >= 2.5 else { return nil }
        let (minIvl, maxIvl) = fuzzRange(intervalDays: days)
        let u = FSRS.fuzzUniform(cardID: cardID, reviewDate: reviewDate)
        let fuzzed = (u * Double(maxIvl - minIvl + 1)) + Double(minIvl)
        return Swift.min(Int(fuzzed.rounded(.toNearestOrEven)), maximumInterval)
    }
}
