import Testing
import Terminal

/// Display width (Unicode East Asian Width: W and F take two columns) and tables built on it.
/// Expected widths are from the Unicode EastAsianWidth.txt classes of the characters used.
@Suite struct TerminalTests {
    @Test func displayWidth() {
        #expect("gather".displayWidth == 6)
        #expect("主GPU".displayWidth == 5)              // 主 is W
        #expect("梯度，".displayWidth == 6)              // ， (U+FF0C) is F
        #expect("ｔｅｎｓｏｒ".displayWidth == 12)        // fullwidth Latin
        #expect("e\u{301}".displayWidth == 1)          // combining acute accent takes no column
        #expect("한국어".displayWidth == 6)              // Hangul syllables are W
        #expect("\u{1B}[1mbold\u{1B}[0m".displayWidth == 4)   // escape sequences take none
        #expect("".displayWidth == 0)
    }

    @Test func paddingAndTruncation() {
        #expect("主題".padded(to: 6) == "主題  ")
        #expect("2".padded(to: 3, alignment: .right) == "  2")
        #expect("toolong".padded(to: 3) == "toolong")
        #expect("主GPU 由什麼決定".truncated(to: 8) == "主GPU …")
        #expect("abc".truncated(to: 3) == "abc")
        #expect("abcd".truncated(to: 3) == "ab…")
    }

    @Test func tableAlignsMixedScripts() {
        var table = TextTable(columns: [.init("ID"), .init("主題"), .init("N", alignment: .right), .init("題目")])
        table.append(["a", "autograd", "2", "梯度"])
        table.append(["long-id", "並行", "10", "x"])
        #expect(table.render() == """
            ID       主題       N  題目
            a        autograd   2  梯度
            long-id  並行      10  x
            """)
    }

    @Test func styleOffIsPlainAndBracketsMatches() {
        let off = Style(enabled: false)
        #expect(off.bold("x") == "x")
        #expect(off.highlight("梯度") == "[梯度]")
        let on = Style(enabled: true)
        #expect(on.bold("x") == "\u{1B}[1mx\u{1B}[0m")
        #expect(Style.automatic(noColorFlag: false, environment: ["NO_COLOR": ""]).enabled == false)
        #expect(Style.automatic(noColorFlag: true, environment: [:]).enabled == false)
    }
}
