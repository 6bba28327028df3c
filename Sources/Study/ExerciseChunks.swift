import MiniTorch
import QuestionBank
import Terminal

/// "How many rows does each GPU's replica get?" for `nn.DataParallel` with N rows on G GPUs. The engine runs a
/// DataParallel step on simulated GPUs and the answer is the chunk sizes its scatter produced (`chunk` semantics:
/// pieces of ⌈N/G⌉, so 10 rows on 4 GPUs → 3, 3, 3, 1 and 5 rows on 4 GPUs → 2, 2, 1: only 3 replicas run).
struct ChunksExercise: CheckableExercise {
    let rows: Int
    let features: Int
    let gpus: Int
    let sizes: [Int]

    var kind: ExerciseKind { .dataParallelChunks }

    var deviceIds: String { "[" + (0..<gpus).map(String.init).joined(separator: ", ") + "]" }

    func prompt(language: Language, style: Style) -> String {
        let words = Words(language: language)
        let steps: [(code: String, output: String?)] = [
            ("model = nn.DataParallel(net.cuda(0), device_ids=\(deviceIds))", nil),
            ("x.shape", TensorFormatter.sizeString([rows, features])),
            ("y = model(x)", nil),
        ]
        return ExerciseText.repl(question: words("How many rows of x does each GPU's replica get, in device order?",
                                                 "每張 GPU 上的副本各分到 x 的幾列（依裝置順序）？"), steps, style: style) +
            "\n" + style.dim(words("(GPUs that get no rows are left out)", "（沒分到資料的 GPU 不列出）"))
    }

    func answerHint(language: Language) -> String {
        Words(language: language)("row counts like 3, 3, 3, 1", "列數，如 3, 3, 3, 1")
    }

    var expectedAnswer: String { sizes.map(String.init).joined(separator: ", ") }

    func grade(_ answer: String, language: Language, style: Style) -> ExerciseGrade {
        let words = Words(language: language)
        let typed: [Int]
        switch AnswerParser.counts(answer) {
        case .failure(let reason): return ExerciseText.unreadable(reason, words, hint: answerHint(language: language))
        case .success(let list): typed = list
        }
        if typed == sizes { return ExerciseGrade(correct: true, feedback: ExerciseText.correct(words, style, expectedAnswer)) }
        let n = max(typed.count, sizes.count)
        let differing = Set((0..<n).filter { $0 >= typed.count || $0 >= sizes.count || typed[$0] != sizes[$0] })
        let column = { (list: [Int]) in (0..<n).map { $0 < list.count ? String(list[$0]) : "–" } }
        var lines = [ExerciseText.wrong(words, style)]
        lines += ExerciseText.table([("", (0..<n).map { "cuda:\($0)" }), (words("expected", "正確答案"), column(sizes)),
                                     (words("yours", "你的答案"), column(typed))], marked: differing, style: style)
        let size = sizes.first ?? 0
        lines.append(words("Why:", "原因："))
        lines.append("  " + words("DataParallel scatters x with x.chunk(\(gpus), dim=0): every chunk has ⌈N/G⌉ = ⌈\(rows)/\(gpus)⌉ = \(size) rows, the last one what is left.",
                                  "DataParallel 以 x.chunk(\(gpus), dim=0) 分散 x：每塊 ⌈N/G⌉ = ⌈\(rows)/\(gpus)⌉ = \(size) 列，最後一塊是剩下的。"))
        if sizes.count < gpus {
            lines.append("  " + style.yellow(words("Only \(sizes.count) chunks, so only \(sizes.count) replicas run; the other \(gpus - sizes.count) GPU\(gpus - sizes.count == 1 ? "" : "s") stay idle.",
                                                      "只有 \(sizes.count) 塊，所以只跑 \(sizes.count) 個副本；其餘 \(gpus - sizes.count) 張 GPU 閒置。")))
        }
        return ExerciseGrade(correct: false, feedback: lines.joined(separator: "\n"))
    }

    var check: ExerciseCheck {
        // DataParallel's scatter is `comm.scatter`, which splits with `tensor.chunk(len(devices), dim)`; real PyTorch
        // here has no GPUs, so the recording calls chunk directly.
        ExerciseCheck(kind: kind.rawValue, setup: ["x = torch.zeros(\(rows), \(features))"],
                      expression: "[c.shape[0] for c in x.chunk(\(gpus), dim=0)]", shown: [], answerType: .counts)
    }

    var outcome: ExerciseOutcome { ExerciseOutcome(counts: sizes) }

    static func make(_ rng: inout ExerciseRNG) throws -> ChunksExercise {
        let gpus = rng.int(2...8)
        // Sometimes fewer rows than GPUs, often just over G (5 rows on 4 GPUs: 2, 2, 1, only 3 replicas), else up to 4·G.
        let pick = rng.int(0...9)
        let rows = pick == 0 ? rng.int(2...(gpus - 1 > 2 ? gpus - 1 : 2))
            : (pick < 5 ? rng.int((gpus + 1)...(2 * gpus)) : rng.int((2 * gpus)...(4 * gpus)))
        return try make(rows: rows, features: rng.pick([4, 8, 16, 32]), gpus: gpus)
    }

    static func make(rows: Int, features: Int, gpus: Int) throws -> ChunksExercise {
        // One DataParallel step of a parameter-free module on simulated GPUs: the scatter's chunk sizes.
        let dp = try DataParallel(ReLU(), deviceIds: Array(0..<gpus), outputDevice: 0)
        _ = try dp(Tensor.zeros([rows, features]))
        guard let trace = dp.lastTrace else { throw TensorError.runtime("DataParallel left no trace") }
        return ChunksExercise(rows: rows, features: features, gpus: gpus, sizes: trace.chunkSizes)
    }
}
