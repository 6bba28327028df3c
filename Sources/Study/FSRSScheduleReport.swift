import Foundation

// `tensorprep schedule --reviews "0:3,1:3,7:1"`: replays a review history through the scheduler and shows,
// per review, the state change, the memory model (R, S, D), the formula that produced the new stability and
// why the card is due when it is. The command itself only parses options and prints `render(language:)`.

extension FSRS {
    /// Language of the report (SPEC §1 `--lang en|zh`; Chinese in Traditional characters as the bank).
    public enum ReportLanguage: String, Sendable, CaseIterable {
        case en, zh
    }

    /// One review of `--reviews`: when (seconds after the first day's midnight) and how it went.
    public struct ReviewSpec: Sendable, Hashable {
        public var offset: TimeInterval
        public var rating: Rating
        public init(offset: TimeInterval, rating: Rating) {
            self.offset = offset
            self.rating = rating
        }
    }

    /// A malformed `--reviews` value; `description` is the message shown to the user.
    public struct ReviewSpecError: Error, CustomStringConvertible, Equatable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    static let maxReviewOffsetDays = 100_000.0
    static let maxReviews = 1_000

    /// Parses `DAY:RATING,…`. DAY is a number of days, fractional allowed (`0.5`), or a number with a unit
    /// `d`, `h`, `m` or `s` (`10m` = ten minutes after day 0 starts); RATING is 1–4 or again/hard/good/easy
    /// (a/h/g/e). Offsets count from the start of day 0, must not be negative and must not decrease.
    public static func parseReviews(_ text: String) throws -> [ReviewSpec] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if items.allSatisfy({ $0.isEmpty }) {
            throw ReviewSpecError("no reviews given: expected DAY:RATING pairs separated by commas, e.g. \"0:3,1:3,7:1\"")
        }
        guard items.count <= maxReviews else {
            throw ReviewSpecError("too many reviews (\(items.count)); at most \(maxReviews)")
        }
        var specs: [ReviewSpec] = []
        var previous: (offset: TimeInterval, text: String)? = nil
        for item in items {
            if item.isEmpty { throw ReviewSpecError("empty review in \"\(text)\": expected DAY:RATING pairs separated by commas") }
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw ReviewSpecError("invalid review \"\(item)\": expected DAY:RATING, e.g. 0:3 (day 0, rating Good)")
            }
            let offset = try parseOffset(String(parts[0]).trimmingCharacters(in: .whitespaces), item: item)
            let rating = try parseRating(String(parts[1]).trimmingCharacters(in: .whitespaces), item: item)
            if let previous, offset < previous.offset {
                throw ReviewSpecError("review \"\(item)\" is earlier than the review before it (\"\(previous.text)\"): days must not decrease")
            }
            previous = (offset, item)
            specs.append(ReviewSpec(offset: offset, rating: rating))
        }
        return specs
    }

    private static func parseOffset(_ s: String, item: String) throws -> TimeInterval {
        var number = Substring(s)
        var unit = 86_400.0
        if let last = number.last, last.isLetter {
            switch last.lowercased() {
            case "d": unit = 86_400
            case "h": unit = 3_600
            case "m": unit = 60
            case "s": unit = 1
            default:
                throw ReviewSpecError("invalid day \"\(s)\" in \"\(item)\": expected a number of days (0, 1.5) or a duration like 10m, 2h, 3d")
            }
            number = number.dropLast()
        }
        let allowed = Set("0123456789.+-")
        guard !number.isEmpty, number.allSatisfy({ allowed.contains($0) }), let value = Double(number), value.isFinite else {
            throw ReviewSpecError("invalid day \"\(s)\" in \"\(item)\": expected a number of days (0, 1.5) or a duration like 10m, 2h, 3d")
        }
        guard value >= 0 else {
            throw ReviewSpecError("invalid day \"\(s)\" in \"\(item)\": days must not be negative")
        }
        let seconds = (value * unit).rounded()
        guard seconds <= maxReviewOffsetDays * 86_400 else {
            throw ReviewSpecError("invalid day \"\(s)\" in \"\(item)\": at most \(Int(maxReviewOffsetDays)) days")
        }
        return seconds
    }

    private static func parseRating(_ s: String, item: String) throws -> Rating {
        guard let rating = Rating(input: s) else {
            throw ReviewSpecError("invalid rating \"\(s)\" in \"\(item)\": expected 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")
        }
        return rating
    }

    /// A review history replayed through a scheduler, ready to print.
    public struct ScheduleReport: Sendable {
        public struct Row: Sendable {
            public var spec: ReviewSpec
            /// The card before the review.
            public var before: Card
            public var outcome: Scheduler.Outcome
        }

        public var scheduler: Scheduler
        public var rows: [Row]
        /// Day 0 starts here (an arbitrary fixed instant; the report shows offsets from it).
        public static let origin = Date(timeIntervalSince1970: 946_684_800) // 2000-01-01T00:00:00Z

        public init(reviews: [ReviewSpec], scheduler: Scheduler = .standard) {
            self.scheduler = scheduler
            var card = Card(id: 1, due: Self.origin)
            var rows: [Row] = []
            for spec in reviews {
                let outcome = scheduler.review(card, rating: spec.rating, at: Self.origin.addingTimeInterval(spec.offset))
                rows.append(Row(spec: spec, before: card, outcome: outcome))
                card = outcome.card
            }
            self.rows = rows
        }

        /// The card after the last review.
        public var card: Card? { rows.last?.outcome.card }

        // MARK: Rendering

        public func render(language: ReportLanguage) -> String {
            let t = ScheduleTexts(language)
            var lines: [String] = []
            lines.append(t.title(scheduler))
            lines.append("")
            let header = ["#", t.colDay, t.colRating, t.colState, "R", t.colS, "D", t.colInterval, t.colDue]
            let rightAligned: Set<Int> = [0, 4, 5, 6]
            var table: [[String]] = []
            var notes: [[String]] = []
            for (i, row) in rows.enumerated() {
                let o = row.outcome
                let r = row.before.lastReview == nil ? "—" : String(format: "%.4f", o.retrievability)
                table.append([
                    "\(i + 1)",
                    t.moment(row.spec.offset),
                    t.rating(row.spec.rating),
                    "\(t.state(o.previousState)) → \(t.state(o.card.state))",
                    r,
                    String(format: "%.4f", o.card.stability ?? 0),
                    String(format: "%.4f", o.card.difficulty ?? 0),
                    t.duration(o.interval),
                    t.moment(o.card.due.timeIntervalSince(Self.origin)),
                ])
                notes.append([t.stabilityLine(o), intervalLine(row, t)])
            }
            var widths = header.map(FSRS.displayWidth)
            for cells in table {
                for (j, c) in cells.enumerated() { widths[j] = Swift.max(widths[j], FSRS.displayWidth(c)) }
            }
            func format(_ cells: [String]) -> String {
                var out = ""
                for (j, c) in cells.enumerated() {
                    let pad = String(repeating: " ", count: widths[j] - FSRS.displayWidth(c))
                    let cell = rightAligned.contains(j) ? pad + c : c + (j == cells.count - 1 ? "" : pad)
                    out += (j == 0 ? "" : "  ") + cell
                }
                return out
            }
            lines.append(format(header))
            lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
            let indent = String(repeating: " ", count: widths[0] + 2)
            for (cells, note) in zip(table, notes) {
                lines.append(format(cells))
                for n in note { lines.append(indent + n) }
            }
            lines.append("")
            lines.append(contentsOf: t.legend(scheduler))
            return lines.joined(separator: "\n") + "\n"
        }

        private func intervalLine(_ row: Row, _ t: ScheduleTexts) -> String {
            let o = row.outcome
            if let days = o.intervalDays {
                let s = o.card.stability ?? 0
                let exact = (s / scheduler.factor) * (pow(scheduler.desiredRetention, 1 / scheduler.decay) - 1)
                return t.daysReason(exact: exact, days: days, graduated: o.previousState != .review,
                                    retention: scheduler.desiredRetention, max: scheduler.maximumInterval)
            }
            let relearning = o.card.state == .relearning
            let steps = relearning ? scheduler.relearningSteps : scheduler.learningSteps
            let step = o.card.step ?? 0
            if o.previousState == .review {
                return t.lapse(o.interval)
            }
            switch row.spec.rating {
            case .again:
                return t.backToFirstStep(relearning: relearning, o.interval)
            case .hard where (row.before.step ?? 0) == 0 && steps.count == 1:
                return t.hardOneStep(relearning: relearning, steps[0], o.interval)
            case .hard where (row.before.step ?? 0) == 0 && steps.count >= 2:
                return t.hardFirstStep(relearning: relearning, steps[0], steps[1], o.interval)
            case .hard:
                return t.hardRepeat(relearning: relearning, step: step + 1, of: steps.count, o.interval)
            default:
                return t.nextStep(relearning: relearning, step: step + 1, of: steps.count, o.interval)
            }
        }
    }

    /// Terminal columns a string occupies: East Asian wide and full-width characters count 2.
    static func displayWidth(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars {
            let v = u.value
            if u.properties.generalCategory == .nonspacingMark || v == 0x200B { continue }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            w += wide ? 2 : 1
        }
        return w
    }
}

/// The words of the report in one language.
struct ScheduleTexts {
    let zh: Bool
    init(_ language: FSRS.ReportLanguage) { zh = language == .zh }

    var colDay: String { zh ? "時間" : "day" }
    var colRating: String { zh ? "評分" : "rating" }
    var colState: String { zh ? "狀態" : "state" }
    var colS: String { zh ? "S（天）" : "S (days)" }
    var colInterval: String { zh ? "間隔" : "interval" }
    var colDue: String { zh ? "到期" : "due" }

    func title(_ s: FSRS.Scheduler) -> String {
        let standard = s.parameters == FSRS.defaultParameters
        let retention = String(format: "%g", s.desiredRetention)
        if zh {
            return "FSRS-6 排程（\(standard ? "預設參數" : "自訂參數")，目標保留率 \(retention)，\(s.enableFuzzing ? "加入隨機擾動" : "不加隨機擾動")）"
        }
        return "FSRS-6 schedule (\(standard ? "default" : "custom") parameters, desired retention \(retention), fuzzing \(s.enableFuzzing ? "on" : "off"))"
    }

    func rating(_ r: FSRS.Rating) -> String {
        switch r {
        case .again: return zh ? "1 重來" : "1 Again"
        case .hard: return zh ? "2 困難" : "2 Hard"
        case .good: return zh ? "3 良好" : "3 Good"
        case .easy: return zh ? "4 簡單" : "4 Easy"
        }
    }

    func state(_ s: FSRS.State) -> String {
        switch s {
        case .learning: return zh ? "學習" : "Learning"
        case .review: return zh ? "複習" : "Review"
        case .relearning: return zh ? "重新學習" : "Relearning"
        }
    }

    /// "day 8", "day 0 00:10", "day 0 00:05:30" — a moment as day offset and time of day.
    func moment(_ offset: TimeInterval) -> String {
        let total = Int64(offset.rounded(.down))
        let day = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let rest = total - day * 86_400
        let h = rest / 3600, m = (rest % 3600) / 60, s = rest % 60
        var clock = ""
        if rest != 0 {
            clock = s == 0 ? String(format: " %02lld:%02lld", h, m) : String(format: " %02lld:%02lld:%02lld", h, m, s)
        }
        return zh ? "第 \(day) 天\(clock)" : "day \(day)\(clock)"
    }

    /// "10 min", "5 min 30 s", "2 h", "7 d".
    func duration(_ seconds: TimeInterval) -> String {
        let total = Int64(seconds.rounded())
        let d = total / 86_400, h = (total % 86_400) / 3600, m = (total % 3600) / 60, s = total % 60
        var parts: [String] = []
        if d > 0 { parts.append(zh ? "\(d) 天" : "\(d) d") }
        if h > 0 { parts.append(zh ? "\(h) 小時" : "\(h) h") }
        if m > 0 { parts.append(zh ? "\(m) 分鐘" : "\(m) min") }
        if s > 0 || parts.isEmpty { parts.append(zh ? "\(s) 秒" : "\(s) s") }
        return parts.joined(separator: " ")
    }

    func stabilityLine(_ o: FSRS.Scheduler.Outcome) -> String {
        switch o.stabilityRule {
        case .initial:
            return zh ? "首次複習：S₀ = w[G−1]，D₀ = w4 − e^{w5·(G−1)} + 1"
                      : "first review: S₀ = w[G−1], D₀ = w4 − e^{w5·(G−1)} + 1"
        case .shortTerm:
            return zh ? "同一天內再複習（短期穩定性）：S' = S·e^{w17·(G−3+w18)}·S^{−w19}（G ≥ 2 時增幅至少 1）"
                      : "same-day review (short-term stability): S' = S·e^{w17·(G−3+w18)}·S^{−w19} (growth ≥ 1 unless Again)"
        case .recall:
            return zh ? "成功回憶後的穩定性：S' = S·(e^{w8}·(11−D)·S^{−w9}·(e^{w10(1−R)}−1)·w15[困難]·w16[簡單]+1)"
                      : "stability after a successful recall: S' = S·(e^{w8}·(11−D)·S^{−w9}·(e^{w10(1−R)}−1)·w15[Hard]·w16[Easy]+1)"
        case .forget:
            return zh ? "遺忘後的穩定性：S' = min(w11·D^{−w12}·((S+1)^{w13}−1)·e^{w14(1−R)}, S/e^{w17·w18})"
                      : "stability after a lapse: S' = min(w11·D^{−w12}·((S+1)^{w13}−1)·e^{w14(1−R)}, S/e^{w17·w18})"
        }
    }

    func daysReason(exact: Double, days: Int, graduated: Bool, retention: Double, max: Int) -> String {
        let x = String(format: "%.4f", exact)
        let r = String(format: "%g", retention)
        if zh {
            return "\(graduated ? "畢業進入複習，" : "")間隔 = S/FACTOR·(\(r)^{1/DECAY}−1) = \(x) → 四捨五入為 \(days) 天（1…\(max)）"
        }
        return "\(graduated ? "graduates to Review; " : "")interval = S/FACTOR·(\(r)^{1/DECAY}−1) = \(x) → rounded to \(days) d (1…\(max))"
    }

    func lapse(_ interval: TimeInterval) -> String {
        zh ? "遺忘：進入重新學習第 1 步，\(duration(interval))後再複習"
           : "lapse: relearning step 1, again in \(duration(interval))"
    }

    private func stepWord(_ relearning: Bool) -> String {
        zh ? (relearning ? "重新學習" : "學習") : (relearning ? "relearning" : "learning")
    }

    func backToFirstStep(relearning: Bool, _ interval: TimeInterval) -> String {
        zh ? "重來：回到\(stepWord(relearning))第 1 步，\(duration(interval))後再複習"
           : "Again: back to \(stepWord(relearning)) step 1, again in \(duration(interval))"
    }

    func hardOneStep(relearning: Bool, _ step: TimeInterval, _ interval: TimeInterval) -> String {
        zh ? "困難（第 1 步，僅一步）：\(duration(step)) × 1.5 = \(duration(interval))"
           : "Hard on the only \(stepWord(relearning)) step: \(duration(step)) × 1.5 = \(duration(interval))"
    }

    func hardFirstStep(relearning: Bool, _ a: TimeInterval, _ b: TimeInterval, _ interval: TimeInterval) -> String {
        zh ? "困難（第 1 步）：前兩步的平均 (\(duration(a)) + \(duration(b)))/2 = \(duration(interval))"
           : "Hard on \(stepWord(relearning)) step 1: mean of the first two steps (\(duration(a)) + \(duration(b)))/2 = \(duration(interval))"
    }

    func hardRepeat(relearning: Bool, step: Int, of n: Int, _ interval: TimeInterval) -> String {
        zh ? "困難：重複\(stepWord(relearning))第 \(step)/\(n) 步，\(duration(interval))後再複習"
           : "Hard: repeat \(stepWord(relearning)) step \(step) of \(n), again in \(duration(interval))"
    }

    func nextStep(relearning: Bool, step: Int, of n: Int, _ interval: TimeInterval) -> String {
        zh ? "進入\(stepWord(relearning))第 \(step)/\(n) 步，\(duration(interval))後再複習"
           : "next \(stepWord(relearning)) step \(step) of \(n), again in \(duration(interval))"
    }

    func legend(_ s: FSRS.Scheduler) -> [String] {
        let decay = String(format: "%.4f", s.decay)
        let factor = String(format: "%.6f", s.factor)
        if zh {
            return [
                "R = 複習當下的可提取性 (1 + FACTOR·t/S)^DECAY，t 為距上次複習的整天數；DECAY = −w20 = \(decay)，FACTOR = 0.9^{1/DECAY} − 1 = \(factor)",
                "S = 穩定性（R 降到 90% 所需天數）；D = 難度 1…10：D' = w7·D₀(簡單) + (1−w7)·(D + (10−D)·ΔD/9)，ΔD = −w6·(G−3)",
                "G = 評分 1…4；w0…w20 為 FSRS-6 預設參數；計算方式與參考實作 fsrs 6.x（PyPI，不加擾動）相同",
            ]
        }
        return [
            "R = retrievability at the review, (1 + FACTOR·t/S)^DECAY with t in whole days since the last review; DECAY = −w20 = \(decay), FACTOR = 0.9^{1/DECAY} − 1 = \(factor)",
            "S = stability (days until R falls to 90%); D = difficulty 1…10: D' = w7·D₀(Easy) + (1−w7)·(D + (10−D)·ΔD/9), ΔD = −w6·(G−3)",
            "G = rating 1…4; w0…w20 = the FSRS-6 default weights; computed as the reference fsrs 6.x (PyPI) with fuzzing off",
        ]
    }
}
