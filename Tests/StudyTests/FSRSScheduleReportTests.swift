import Foundation
import Testing
@testable import Study

// Expected numbers: the reference `fsrs` 6.3.2 (PyPI), Scheduler(enable_fuzzing=False), printed by
// Scripts/record_fsrs_vectors.py (schedule_example) for reviews at day 0 Good, day 1 Good, day 7 Again:
//   day 0 rating 3: R=0 Learning->Learning step=1 S=2.3065 D=2.118103970459016 due=2000-01-01T00:10:00Z
//   day 1 rating 3: R=0.9468474993825461 Learning->Review S=7.31530074407728 D=2.111214235785395 due=2000-01-09
//   day 7 rating 1: R=0.913030736032017 Review->Relearning step=0 S=1.2186222375286688 D=7.392238132342694
//                   due=2000-01-08T00:10:00Z
// (day 0 = 2000-01-01T00:00:00Z). The layout and words are this project's own.

@Suite struct FSRSScheduleReportTests {
    static let english = """
    FSRS-6 schedule (default parameters, desired retention 0.9, fuzzing off)

    #  day    rating   state                     R  S (days)       D  interval  due
    ─  ─────  ───────  ───────────────────  ──────  ────────  ──────  ────────  ───────────
    1  day 0  3 Good   Learning → Learning       —    2.3065  2.1181  10 min    day 0 00:10
       first review: S₀ = w[G−1], D₀ = w4 − e^{w5·(G−1)} + 1
       next learning step 2 of 2, again in 10 min
    2  day 1  3 Good   Learning → Review    0.9468    7.3153  2.1112  7 d       day 8
       stability after a successful recall: S' = S·(e^{w8}·(11−D)·S^{−w9}·(e^{w10(1−R)}−1)·w15[Hard]·w16[Easy]+1)
       graduates to Review; interval = S/FACTOR·(0.9^{1/DECAY}−1) = 7.3153 → rounded to 7 d (1…36500)
    3  day 7  1 Again  Review → Relearning  0.9130    1.2186  7.3922  10 min    day 7 00:10
       stability after a lapse: S' = min(w11·D^{−w12}·((S+1)^{w13}−1)·e^{w14(1−R)}, S/e^{w17·w18})
       lapse: relearning step 1, again in 10 min

    R = retrievability at the review, (1 + FACTOR·t/S)^DECAY with t in whole days since the last review; DECAY = −w20 = -0.1542, FACTOR = 0.9^{1/DECAY} − 1 = 0.980346
    S = stability (days until R falls to 90%); D = difficulty 1…10: D' = w7·D₀(Easy) + (1−w7)·(D + (10−D)·ΔD/9), ΔD = −w6·(G−3)
    G = rating 1…4; w0…w20 = the FSRS-6 default weights; computed as the reference fsrs 6.x (PyPI) with fuzzing off

    """

    static let chinese = """
    FSRS-6 排程（預設參數，目標保留率 0.9，不加隨機擾動）

    #  時間     評分    狀態                  R  S（天）       D  間隔     到期
    ─  ───────  ──────  ───────────────  ──────  ───────  ──────  ───────  ─────────────
    1  第 0 天  3 良好  學習 → 學習           —   2.3065  2.1181  10 分鐘  第 0 天 00:10
       首次複習：S₀ = w[G−1]，D₀ = w4 − e^{w5·(G−1)} + 1
       進入學習第 2/2 步，10 分鐘後再複習
    2  第 1 天  3 良好  學習 → 複習      0.9468   7.3153  2.1112  7 天     第 8 天
       成功回憶後的穩定性：S' = S·(e^{w8}·(11−D)·S^{−w9}·(e^{w10(1−R)}−1)·w15[困難]·w16[簡單]+1)
       畢業進入複習，間隔 = S/FACTOR·(0.9^{1/DECAY}−1) = 7.3153 → 四捨五入為 7 天（1…36500）
    3  第 7 天  1 重來  複習 → 重新學習  0.9130   1.2186  7.3922  10 分鐘  第 7 天 00:10
       遺忘後的穩定性：S' = min(w11·D^{−w12}·((S+1)^{w13}−1)·e^{w14(1−R)}, S/e^{w17·w18})
       遺忘：進入重新學習第 1 步，10 分鐘後再複習

    R = 複習當下的可提取性 (1 + FACTOR·t/S)^DECAY，t 為距上次複習的整天數；DECAY = −w20 = -0.1542，FACTOR = 0.9^{1/DECAY} − 1 = 0.980346
    S = 穩定性（R 降到 90% 所需天數）；D = 難度 1…10：D' = w7·D₀(簡單) + (1−w7)·(D + (10−D)·ΔD/9)，ΔD = −w6·(G−3)
    G = 評分 1…4；w0…w20 為 FSRS-6 預設參數；計算方式與參考實作 fsrs 6.x（PyPI，不加擾動）相同

    """

    @Test func fullOutputEnglishAndChinese() throws {
        let report = FSRS.ScheduleReport(reviews: try FSRS.parseReviews("0:3,1:3,7:1"))
        #expect(report.render(language: .en) == Self.english)
        #expect(report.render(language: .zh) == Self.chinese)
        // the numbers behind the table, to the last bit
        let o = report.rows.map(\.outcome)
        #expect(o.map(\.retrievability) == [0, 0.9468474993825461, 0.913030736032017])
        #expect(o.map { $0.card.stability } == [2.3065, 7.31530074407728, 1.2186222375286688])
        #expect(o.map { $0.card.difficulty } == [2.118103970459016, 2.111214235785395, 7.392238132342694])
    }

    @Test func chineseColumnsAlignByDisplayWidth() {
        #expect(FSRS.displayWidth("第 0 天") == 7)
        #expect(FSRS.displayWidth("S（天）") == 7)
        #expect(FSRS.displayWidth("→ —") == 3)
    }

    @Test func reviewSyntax() throws {
        let specs = try FSRS.parseReviews(" 0:3, 10m:good ,0.5:h,1d:E,36h:a ")
        #expect(specs == [
            FSRS.ReviewSpec(offset: 0, rating: .good),
            FSRS.ReviewSpec(offset: 600, rating: .good),
            FSRS.ReviewSpec(offset: 43_200, rating: .hard),
            FSRS.ReviewSpec(offset: 86_400, rating: .easy),
            FSRS.ReviewSpec(offset: 129_600, rating: .again),
        ])
        #expect(try FSRS.parseReviews("0:1,0:2").count == 2) // the same moment twice is allowed
        #expect(FSRS.Rating(input: " G ") == .good && FSRS.Rating(input: "Again") == .again)
        #expect(FSRS.Rating(input: "5") == nil && FSRS.Rating(input: "") == nil)
    }

    @Test(arguments: [
        ("x", "invalid review \"x\": expected DAY:RATING, e.g. 0:3 (day 0, rating Good)"),
        ("", "no reviews given: expected DAY:RATING pairs separated by commas, e.g. \"0:3,1:3,7:1\""),
        ("0:5", "invalid rating \"5\" in \"0:5\": expected 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)"),
        ("0:0", "invalid rating \"0\" in \"0:0\": expected 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)"),
        ("-1:3", "invalid day \"-1\" in \"-1:3\": days must not be negative"),
        ("2:3,1:3", "review \"1:3\" is earlier than the review before it (\"2:3\"): days must not decrease"),
        ("0:3,,1:3", "empty review in \"0:3,,1:3\": expected DAY:RATING pairs separated by commas"),
        ("1x:3", "invalid day \"1x\" in \"1x:3\": expected a number of days (0, 1.5) or a duration like 10m, 2h, 3d"),
        ("nan:3", "invalid day \"nan\" in \"nan:3\": expected a number of days (0, 1.5) or a duration like 10m, 2h, 3d"),
        ("1e9:3", "invalid day \"1e9\" in \"1e9:3\": expected a number of days (0, 1.5) or a duration like 10m, 2h, 3d"),
        ("1000000:3", "invalid day \"1000000\" in \"1000000:3\": at most 100000 days"),
        ("0:3:1", "invalid review \"0:3:1\": expected DAY:RATING, e.g. 0:3 (day 0, rating Good)"),
    ])
    func badInputIsAClearError(input: String, message: String) {
        #expect(throws: FSRS.ReviewSpecError(message)) { try FSRS.parseReviews(input) }
    }

    @Test func everyKindOfStepIsExplained() throws {
        // one history through every branch: Hard on step 1, same-day, Again in learning, lapse, relearning Hard
        let report = FSRS.ScheduleReport(reviews: try FSRS.parseReviews(
            "0:2,5m:3,15m:1,16m:3,1d:3,3:4,20:1,20.01:2,20.5:3,2000:3"))
        let text = report.render(language: .en)
        for phrase in ["mean of the first two steps (1 min + 10 min)/2 = 5 min 30 s", "same-day review",
                       "Again: back to learning step 1, again in 1 min", "lapse: relearning step 1",
                       "Hard on the only relearning step: 10 min × 1.5 = 15 min", "day 20 00:29:24"] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        #expect(report.card?.state == .review)
        #expect(!report.render(language: .zh).isEmpty)
    }
}
