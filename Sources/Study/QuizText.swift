import Foundation
import QuestionBank

/// The quiz's words in English and Chinese (Traditional, as the bank).
struct QuizText {
    let zh: Bool
    init(_ language: Language) { zh = language == .zh }

    func header(total: Int, due: Int, new: Int) -> String {
        zh ? "測驗：\(total) 張卡（到期 \(due)、新卡 \(new)）。Ctrl-C 或 Ctrl-D 隨時結束，已答的都已存檔。"
           : "Quiz: \(total) card\(total == 1 ? "" : "s") (\(due) due, \(new) new). Ctrl-C or Ctrl-D ends it any time; every answer is saved."
    }

    func cardLine(_ q: Question, isNew: Bool) -> String {
        let kind = q.kind == .choice ? (zh ? "選擇題" : "choice") : (zh ? "問答" : "recall")
        return [q.id, q.topic, kind, isNew ? (zh ? "新卡" : "new") : (zh ? "複習" : "review")].joined(separator: " · ")
    }

    func exerciseLine(_ kind: ExerciseKind, isNew: Bool) -> String {
        [zh ? "預測題" : "prediction", kind.rawValue, kind.topic, isNew ? (zh ? "新卡" : "new") : (zh ? "複習" : "review")]
            .joined(separator: " · ")
    }

    var revealHint: String { zh ? "想好答案後按 Enter（也可以先打出來）" : "Press Enter for the answer (or type yours first)" }

    func gradePrompt(walkthrough: Bool) -> String {
        let names = FSRS.Rating.allCases.map { ScheduleTexts(zh ? .zh : .en).rating($0) }.joined(separator: " · ")
        let base = zh ? "自評：\(names)（或 a/h/g/e）" : "Grade: \(names) (or a/h/g/e)"
        guard walkthrough else { return base }
        return base + (zh ? "；w 顯示逐步講解" : "; w shows the walkthrough")
    }

    func badGrade(_ line: String) -> String {
        zh ? "看不懂「\(line)」：請輸入 1–4 或 a/h/g/e。" : "'\(line)' is not a grade: type 1–4 or a/h/g/e."
    }

    func choicePrompt(count: Int, several: Bool) -> String {
        if several {
            return zh ? "選出所有正確的選項（1–\(count)，以逗號分隔）" : "Pick every right choice (1–\(count), separated by commas)"
        }
        return zh ? "選一個（1–\(count)）" : "Your choice (1–\(count))"
    }

    func badChoice(_ line: String, count: Int) -> String {
        zh ? "看不懂「\(line)」：請輸入 1 到 \(count) 的編號。" : "'\(line)' is not a choice: type a number from 1 to \(count)."
    }

    var right: String { zh ? "✓ 答對了。" : "✓ Right." }
    var wrong: String { zh ? "✗ 答錯了。" : "✗ Wrong." }
    func rightChoice(_ text: String) -> String { zh ? "正確選項：\(text)" : "The right choice: \(text)" }

    func unreadable(_ problem: String) -> String {
        zh ? "讀不懂這個答案：\(problem)。請再輸入一次。" : "Could not read that answer: \(problem). Try again."
    }

    var answer: String { zh ? "答案" : "Answer" }
    var correction: String { zh ? "更正" : "Correction" }
    var liveDemo: String { zh ? "即時執行（tensorprep 引擎）" : "Live demo (tensorprep engine)" }
    var walkthrough: String { zh ? "逐步講解: " : "Walkthrough: " }

    /// The rating's name as `tensorprep schedule` writes it ("Good", "良好"), without its number.
    func ratingName(_ r: FSRS.Rating) -> String {
        String(ScheduleTexts(zh ? .zh : .en).rating(r).drop { $0 != " " }.dropFirst())
    }

    func scheduled(_ r: FSRS.Rating, _ interval: TimeInterval) -> String {
        zh ? "已存檔：\(ratingName(r))，下次在 \(duration(interval))後。" : "Saved: \(ratingName(r)); next review in \(duration(interval))."
    }

    /// 40 s, 10 min, 3 h, 5 days (rounded to the unit, so 59.9 s is "1 min").
    func duration(_ seconds: TimeInterval) -> String {
        let s = max(0, seconds)
        let secs = Int(s.rounded()), minutes = Int((s / 60).rounded()), hours = Int((s / 3600).rounded())
        if secs < 60 { return zh ? "\(secs) 秒" : "\(secs) s" }
        if minutes < 60 { return zh ? "\(minutes) 分鐘" : "\(minutes) min" }
        if hours < 24 { return zh ? "\(hours) 小時" : "\(hours) h" }
        let days = Int((s / 86_400).rounded())
        return zh ? "\(days) 天" : "\(days) day\(days == 1 ? "" : "s")"
    }

    var summaryTitle: String { zh ? "本次小結" : "Summary" }

    func answered(_ s: QuizSession.Summary) -> String {
        let per = FSRS.Rating.allCases.map { "\(ratingName($0)) \(s.ratings[$0] ?? 0)" }.joined(separator: " · ")
        return zh ? "已答 \(s.answered) 題：\(per)" : "\(s.answered) answered: \(per)"
    }

    func autoGraded(right: Int, wrong: Int) -> String {
        zh ? "自動評分：對 \(right)、錯 \(wrong)" : "Auto-graded: \(right) right, \(wrong) wrong"
    }

    func nextDue(key: String, in seconds: TimeInterval) -> String {
        if seconds <= 0 { return zh ? "下一張到期：\(key)（現在）" : "Next due: \(key) (now)" }
        return zh ? "下一張到期：\(key)（\(duration(seconds))後）" : "Next due: \(key) in \(duration(seconds))"
    }

    var nothingToStudy: String {
        zh ? "目前沒有到期或新的卡片。" : "Nothing due and no new cards right now."
    }
}
