import Foundation
import Testing
@testable import Snippet

/// Random token streams and mutations of real snippets through lexer + parser + interpreter: every run must end
/// with a result or a Python-style error (`Type: message`), never a crash or a hang. Bounded to a few seconds.
@Test func fuzzNeverCrashes() {
    var rng = SplitMix64(seed: 0x5eed_f00d)
    let seeds = [
        "total = 0\nfor i in range(5):\n    if i % 2 == 0:\n        total += i\n    elif i == 3:\n        total -= 1\n    else:\n        pass\nprint(total)\n",
        "def affine(x, w=2, b=1):\n    return x * w + b\nprint(affine(3), affine(3, b=0))\nfor a, b in zip([1, 2], ['x', 'y']):\n    print(a, b, sep='-', end=';')\nprint()\n",
        "x = [1.5, 2.5]\nprint(f\"shape={len(x)} sum={sum(x):.2f} first={x[0]!r}\")\nprint(\"%d items\" % 3, str(7) + \"!\", 7 / 2, 7 // 2, 2 ** 10, -7 % 3)\n",
        "try:\n    undefined_name + 1\nexcept NameError as e:\n    print(\"NameError:\", e)\nfinally:\n    print('done')\n",
        "class A:\n    def __init__(self, v):\n        self.v = v\n    def __add__(self, o):\n        return A(self.v + o.v)\n    def __repr__(self):\n        return f'A({self.v})'\nprint(A(1) + A(2), [A(3)], {'k': A(4)})\n",
        "import math\nd = {k: math.sqrt(k) for k in range(4)}\nprint(sorted(d.items(), key=lambda kv: -kv[1])[:2], [v for v in d.values() if v > 1])\n",
        "n = 0\nwhile n < 3:\n    n += 1\nprint(n, abs(-2), min(3, 1), max([4, 9]), round(2.567, 2), sorted([3, 1, 2]), '{:>5}'.format('x'))\n",
        "with open('x') as f:\n    data = f.read()\n",
    ]
    let vocabulary = ["x", "y", "f", "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "==", "+", "-", "*", "**", "/", "//", "%", "@",
                      "<", ">", "not", "and", "or", "in", "is", "if", "else", "elif", "for", "while", "def", "class", "return", "lambda",
                      "try", "except", "finally", "with", "as", "import", "from", "raise", "del", "pass", "break", "continue", "None",
                      "True", "False", "0", "1", "-1", "1e-5", "0x1f", "'s'", "\"t\"", "f'{x}'", "'''q'''", "...", "*", "**", "\n",
                      "\n    ", "\n        ", "\\\n", "#c", "print", "range", "len", "[1, 2]", "(1,)", "{'a': 1}", "yield", "global", "nonlocal",
                      ";", "~", "<<", ">>", "&", "|", "^", "!=", "+=", "-=", "[::2]", "[1:]", "`", "$", "\t", "\u{00e9}", "\"unterminated"]
    // SNIPPET_FUZZ_RUNS=20000 for a long campaign (then the time bound is lifted).
    let wanted = ProcessInfo.processInfo.environment["SNIPPET_FUZZ_RUNS"].flatMap { Int($0) }
    let maxRuns = wanted ?? 4000
    let deadline = Date().addingTimeInterval(wanted == nil ? 12 : 3600)
    var runs = 0, errors = 0
    let limits = Limits(timeout: 0.05)
    while runs < maxRuns && Date() < deadline {
        var code: String
        if rng.next() % 3 == 0 {
            code = (0..<Int(rng.next() % 40)).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
        } else {
            var chars = Array(seeds[Int(rng.next() % UInt64(seeds.count))].unicodeScalars)
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                guard !chars.isEmpty else { break }
                let pos = Int(rng.next() % UInt64(chars.count))
                switch rng.next() % 4 {
                case 0: chars.remove(at: pos)
                case 1: chars.insert(chars[Int(rng.next() % UInt64(chars.count))], at: pos)
                case 2:
                    let tok = vocabulary[Int(rng.next() % UInt64(vocabulary.count))]
                    chars.insert(contentsOf: tok.unicodeScalars, at: pos)
                default:
                    let end = min(chars.count, pos + Int(rng.next() % 8))
                    chars.removeSubrange(pos..<end)
                }
            }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: chars)
            code = String(s)
        }
        let r = SnippetRunner.capture(code, limits: limits)
        runs += 1
        if let tb = r.traceback {
            errors += 1
            let last = tb.split(separator: "\n").last.map(String.init) ?? ""
            // `Type: message` or a bare `Type`
            let name = last.split(separator: ":").first.map(String.init) ?? ""
            #expect(!name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }, "odd last line: \(last) for\n\(code)")
        }
    }
    #expect(runs >= 300)
    #expect(errors > 0)
}

/// Deterministic PRNG so failures reproduce.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
