import Foundation

// `tensorprep stats` (SPEC §1): reviews per day for the last 12 weeks as a heat-map, true retention, cards
// due per day for the next 14 days, weakest topics. Pure computation over plain rows: the quiz/command code
// reads the database and hands the rows in, so this file never touches SQLite.

extension FSRS {
    /// One row of the review log, as the stats need it.
    public struct StatsReview: Sendable, Hashable {
        public var cardKey: String
        public var topic: String?
        public var rating: Rating
        public var reviewedAt: Date
        /// The card's state just before this review (`nil` if unknown: counted as a Review-state review
        /// when the card had been reviewed at least a day earlier, see `StudyStats`).
        public var stateBefore: State?

        public init(cardKey: String, topic: String? = nil, rating: Rating, reviewedAt: Date, stateBefore: State? = nil) {
            self.cardKey = cardKey
            self.topic = topic
            self.rating = rating
            self.reviewedAt = reviewedAt
            self.stateBefore = stateBefore
        }
    }

    /// One card's current schedule.
    public struct StatsCard: Sendable, Hashable {
        public var cardKey: String
        public var topic: String?
        public var due: Date

        public init(cardKey: String, topic: String? = nil, due: Date) {
            self.cardKey = cardKey
            self.topic = topic
            self.due = due
        }
    }

    /// Study statistics computed from review-log rows and card schedules.
    public struct StudyStats: Sendable {
        public static let heatmapWeeks = 12
        public static let forecastDays = 14

        /// Local calendar days, oldest first: the 12 weeks (84 days) ending today.
        public var days: [Date]
        /// Reviews on each of `days`.
        public var reviewsPerDay: [Int]
        /// True retention: among reviews of cards in the Review state (not learning steps), the share not
        /// answered Again. `nil` when there were none.
        public var trueRetention: Double?
        public var retentionPassed: Int
        public var retentionTotal: Int
        /// Cards due on each of the next 14 days; index 0 (today) includes everything overdue.
        public var duePerDay: [Int]
        /// Topics with the lowest pass rate (Review-state reviews, at least `minTopicReviews`), worst first.
        public var weakestTopics: [(topic: String, passRate: Double, reviews: Int)]
        public var totalReviews: Int
        public var streakDays: Int
        public static let minTopicReviews = 3

        /// - Parameters:
        ///   - now: today's moment; days are local days of `timeZone`.
        public init(reviews: [StatsReview], cards: [StatsCard], now: Date, timeZone: TimeZone = .current) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            calendar.firstWeekday = 2 // weeks start on Monday
            let today = calendar.startOfDay(for: now)
            let n = Self.heatmapWeeks * 7
            // end on today; start on the Monday of the 12th week back so columns are whole weeks
            let weekdayIndex = (calendar.component(.weekday, from: today) + 5) % 7 // Monday = 0
            let start = calendar.date(byAdding: .day, value: -(n - 7 + weekdayIndex), to: today) ?? today
            var days: [Date] = []
            var d = start
            while d <= today {
                days.append(d)
                d = calendar.date(byAdding: .day, value: 1, to: d) ?? today.addingTimeInterval(1)
            }
            self.days = days
            var counts = [Int](repeating: 0, count: days.count)
            var reviewDays = Set<Date>()
            for r in reviews {
                let day = calendar.startOfDay(for: r.reviewedAt)
                reviewDays.insert(day)
                if day >= start && day <= today,
                   let i = calendar.dateComponents([.day], from: start, to: day).day, i >= 0, i < counts.count {
                    counts[i] += 1
                }
            }
            reviewsPerDay = counts
            totalReviews = reviews.count

            // true retention over Review-state reviews
            var lastReview: [String: Date] = [:]
            var passed = 0, total = 0
            var topicTally: [String: (pass: Int, total: Int)] = [:]
            for r in reviews.sorted(by: { $0.reviewedAt < $1.reviewedAt }) {
                let isReviewState: Bool
                if let s = r.stateBefore {
                    isReviewState = s == .review
                } else if let last = lastReview[r.cardKey] {
                    isReviewState = FSRS.wholeDays(from: last, to: r.reviewedAt) >= 1
                } else {
                    isReviewState = false
                }
                lastReview[r.cardKey] = r.reviewedAt
                guard isReviewState else { continue }
                total += 1
                let ok = r.rating != .again
                if ok { passed += 1 }
                if let topic = r.topic {
                    var t = topicTally[topic] ?? (0, 0)
                    t.total += 1
                    if ok { t.pass += 1 }
                    topicTally[topic] = t
                }
            }
            retentionPassed = passed
            retentionTotal = total
            trueRetention = total > 0 ? Double(passed) / Double(total) : nil
            weakestTopics = topicTally
                .filter { $0.value.total >= Self.minTopicReviews }
                .map { (topic: $0.key, passRate: Double($0.value.pass) / Double($0.value.total), reviews: $0.value.total) }
                .sorted { ($0.passRate, -$0.reviews, $0.topic) < ($1.passRate, -$1.reviews, $1.topic) }
                .prefix(5).map { $0 }

            // due forecast
            var due = [Int](repeating: 0, count: Self.forecastDays)
            for c in cards {
                let day = calendar.startOfDay(for: c.due)
                if day <= today { due[0] += 1; continue }
                if let i = calendar.dateComponents([.day], from: today, to: day).day, i >= 0, i < due.count {
                    due[i] += 1
                }
            }
            duePerDay = due

            // consecutive days with reviews, ending today (or yesterday if nothing yet today)
            var streak = 0
            var cursor = reviewDays.contains(today) ? today : (calendar.date(byAdding: .day, value: -1, to: today) ?? today)
            while reviewDays.contains(cursor) {
                streak += 1
                guard let prev = calendar.date(byAdding: .day, value: -1, to: cursor) else { break }
                cursor = prev
            }
            streakDays = streak
            self.calendar = calendar
        }

        private var calendar: Calendar

        /// Shade for a day's count relative to the busiest day: blank, then four levels.
        static func shade(_ count: Int, max: Int) -> String {
            if count == 0 { return "·" }
            guard max > 0 else { return "·" }
            let level = Int((Double(count) / Double(max) * 4).rounded(.up))
            return ["░", "▒", "▓", "█"][Swift.min(Swift.max(level, 1), 4) - 1]
        }

        /// The terminal rendering: heat-map (rows Monday…Sunday, one column per week, oldest left), totals,
        /// retention, the 14-day due forecast as bars, weakest topics.
        public func render(language: ReportLanguage) -> String {
            let zh = language == .zh
            var lines: [String] = []
            let busiest = reviewsPerDay.max() ?? 0
            lines.append(zh ? "最近 \(Self.heatmapWeeks) 週每日複習次數（每欄一週，最左最舊）"
                            : "Reviews per day, last \(Self.heatmapWeeks) weeks (one column per week, oldest left)")
            let names = zh ? ["週一", "週二", "週三", "週四", "週五", "週六", "週日"]
                           : ["Mon ", "Tue ", "Wed ", "Thu ", "Fri ", "Sat ", "Sun "]
            for row in 0..<7 {
                var line = names[row] + " "
                var i = row
                while i < reviewsPerDay.count {
                    line += Self.shade(reviewsPerDay[i], max: busiest) + " "
                    i += 7
                }
                lines.append(line.replacingOccurrences(of: " +$", with: "", options: .regularExpression))
            }
            lines.append(zh ? "     · 0   ░▒▓█ 由少到多（最多 \(busiest) 次/天）"
                            : "     · none   ░▒▓█ fewer → more (busiest day: \(busiest))")
            let recent = reviewsPerDay.reduce(0, +)
            lines.append("")
            if zh {
                lines.append("近 \(Self.heatmapWeeks) 週複習 \(recent) 次；總計 \(totalReviews) 次；連續學習 \(streakDays) 天")
            } else {
                lines.append("\(recent) review\(recent == 1 ? "" : "s") in the last \(Self.heatmapWeeks) weeks; \(totalReviews) in all; streak \(streakDays) day\(streakDays == 1 ? "" : "s")")
            }
            if let r = trueRetention {
                let pct = String(format: "%.1f%%", r * 100)
                lines.append(zh ? "真實保留率：\(pct)（複習狀態的 \(retentionTotal) 次中答對 \(retentionPassed) 次）"
                                : "True retention: \(pct) (\(retentionPassed) of \(retentionTotal) Review-state reviews not Again)")
            } else {
                lines.append(zh ? "真實保留率：尚無複習狀態的紀錄" : "True retention: no Review-state reviews yet")
            }
            lines.append("")
            lines.append(zh ? "未來 \(Self.forecastDays) 天到期卡片數" : "Cards due, next \(Self.forecastDays) days")
            let maxDue = duePerDay.max() ?? 0
            let width = 30
            let fmt = DateFormatter()
            fmt.calendar = calendar
            fmt.timeZone = calendar.timeZone
            fmt.locale = Locale(identifier: "en_US_POSIX")
            fmt.dateFormat = "MM-dd"
            let countWidth = String(maxDue).count
            for (i, n) in duePerDay.enumerated() {
                let date = calendar.date(byAdding: .day, value: i, to: calendar.startOfDay(for: days.last ?? Date())) ?? Date()
                let label: String
                if i == 0 { label = zh ? "今天 " : "today" } else { label = fmt.string(from: date) }
                let bar = maxDue > 0 ? String(repeating: "█", count: Int((Double(n) / Double(maxDue) * Double(width)).rounded(.up))) : ""
                let count = String(repeating: " ", count: countWidth - String(n).count) + String(n)
                lines.append("\(label)  \(count) \(bar)".replacingOccurrences(of: " +$", with: "", options: .regularExpression))
            }
            if !weakestTopics.isEmpty {
                lines.append("")
                lines.append(zh ? "最弱的主題（複習狀態答對率）" : "Weakest topics (pass rate of Review-state reviews)")
                let nameWidth = weakestTopics.map { FSRS.displayWidth($0.topic) }.max() ?? 0
                for t in weakestTopics {
                    let pad = String(repeating: " ", count: nameWidth - FSRS.displayWidth(t.topic))
                    let pct = String(format: "%5.1f%%", t.passRate * 100)
                    lines.append(zh ? "  \(t.topic)\(pad)  \(pct)（\(t.reviews) 次）" : "  \(t.topic)\(pad)  \(pct) (\(t.reviews) reviews)")
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
