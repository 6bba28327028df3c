import Foundation
import Testing

/// End-to-end: the built binary on a temporary database, fixture questions only (TENSORPREP_SKIP_BUNDLED=1).
/// Expected outputs were produced by the binary and checked by hand against CLIFixtures (texts, columns aligned
/// by display width: a CJK character takes two columns); they pin the format down.
@Suite struct CLITests {
    let fixtureOnly = ["TENSORPREP_SKIP_BUNDLED": "1"]

    /// A working directory with the fixture questions in `questions/` imported into `t.sqlite`.
    func imported() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try CLI.write(["questions/backward.md": CLIFixtures.backward, "questions/sub/choice.md": CLIFixtures.choice], under: dir)
        let result = try CLI.run(["--db", "t.sqlite", "import", "questions"], in: dir, environment: fixtureOnly)
        #expect(result == CLI.Result(status: 0, stdout: "Imported 2 questions from questions (2 new, 0 replaced).\n", stderr: ""))
        return dir
    }

    func run(_ arguments: [String], in dir: URL, environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(arguments, in: dir, environment: fixtureOnly.merging(environment) { $1 })
    }

    @Test func binaryIsFound() {
        #expect(CLI.binary != nil)
    }

    @Test func listInBothLanguages() throws {
        let dir = try imported()
        #expect(try run(["--db", "t.sqlite", "list"], in: dir) == CLI.Result(status: 0, stdout: """
            ID           TOPIC         LEVEL  TITLE
            grad-accum   autograd          2  Why zero the gradients before every iteration?
            dp-main-gpu  dataparallel      1  Which GPU is the main one for `nn.DataParallel`?

            2 questions

            """, stderr: ""))
        // Options after the command name, and the language from LANG.
        #expect(try run(["list", "--db", "t.sqlite"], in: dir, environment: ["LANG": "zh_TW.UTF-8"]) == CLI.Result(status: 0, stdout: """
            編號         主題          難度  題目
            grad-accum   autograd         2  為什麼每次迭代前要把梯度清零？
            dp-main-gpu  dataparallel     1  `nn.DataParallel` 的主GPU 是哪一張卡？

            共 2 題

            """, stderr: ""))
        #expect(try run(["--db", "t.sqlite", "--lang", "en", "list", "--topic", "dataparallel"], in: dir, environment: ["LANG": "zh_TW.UTF-8"]).stdout == """
            ID           TOPIC         LEVEL  TITLE
            dp-main-gpu  dataparallel      1  Which GPU is the main one for `nn.DataParallel`?

            1 question

            """)
        #expect(try run(["--db", "t.sqlite", "list", "--topic", "nope"], in: dir) == CLI.Result(
            status: 1, stdout: "", stderr: "tensorprep: no questions with topic 'nope' (topics: autograd, dataparallel)\n"))
    }

    @Test func showRecallQuestionInEnglish() throws {
        let dir = try imported()
        #expect(try run(["--db", "t.sqlite", "show", "grad-accum"], in: dir) == CLI.Result(status: 0, stdout: """
            grad-accum · autograd · difficulty 2 · original · tags: pytorch, backward

            Question
            Why zero the gradients before every iteration?

            Answer
            `backward()` accumulates the gradient into `.grad`.

            Correction
            `eval()` does not turn gradients off; `torch.no_grad()` does.

            Demo
            Twice is double:

                >>> import torch
                >>> x = torch.ones(2, requires_grad=True)
                >>> (x * 3).sum().backward()
                >>> x.grad
                tensor([3., 3.])

            """, stderr: ""))
    }

    @Test func showChoiceQuestionInChinese() throws {
        let dir = try imported()
        #expect(try run(["--db", "t.sqlite", "show", "dp-main-gpu", "--lang", "zh"], in: dir) == CLI.Result(status: 0, stdout: """
            dp-main-gpu · dataparallel · 難度 1 · seed · 標籤: pytorch, multi-gpu

            問題
            `nn.DataParallel` 的主GPU 是哪一張卡？

            選項
              a) 最後一張卡
              b) `device_ids[0]`

            答案
            `device_ids[0]`。
            正確選項: b

            示範
                >>> [0, 1, 2, 3][0]
                0

            逐步講解: tensorprep explain dataparallel --gpus 4

            """, stderr: ""))
        #expect(try run(["--db", "t.sqlite", "show", "grad"], in: dir) == CLI.Result(
            status: 1, stdout: "", stderr: "tensorprep: no question with id 'grad'; did you mean: grad-accum?\n"))
    }

    @Test func searchChineseEnglishAndNothing() throws {
        let dir = try imported()
        // 梯度 is two characters: below the trigram minimum, so the LIKE fallback finds it.
        #expect(try run(["--db", "t.sqlite", "search", "梯度"], in: dir) == CLI.Result(status: 0, stdout: """
            grad-accum  (autograd) Why zero the gradients before every iteration?
                為什麼每次迭代前要把[梯度]清零？

            1 result

            """, stderr: ""))
        #expect(try run(["--db", "t.sqlite", "search", "主GPU", "--lang", "zh"], in: dir) == CLI.Result(status: 0, stdout: """
            dp-main-gpu  (dataparallel) `nn.DataParallel` 的[主GPU] 是哪一張卡？

            1 個結果

            """, stderr: ""))
        #expect(try run(["--db", "t.sqlite", "search", "no_grad"], in: dir) == CLI.Result(status: 0, stdout: """
            grad-accum  (autograd) Why zero the gradients before every iteration?
                `eval()` does not turn gradients off; `torch.[no_grad]()` does.

            1 result

            """, stderr: ""))
        #expect(try run(["--db", "t.sqlite", "search", "pytorch"], in: dir).stdout.hasSuffix("\n2 results\n"))
        #expect(try run(["--db", "t.sqlite", "search", "nothing like this"], in: dir) == CLI.Result(
            status: 0, stdout: "No matches for 'nothing like this'.\n", stderr: ""))
    }

    @Test func malformedImportChangesNothing() throws {
        let dir = try imported()
        let before = try run(["--db", "t.sqlite", "list"], in: dir)
        let dbBefore = try Data(contentsOf: dir.appendingPathComponent("t.sqlite"))
        let bad = CLIFixtures.backward
            .replacingOccurrences(of: "id: grad-accum", with: "id: grad-accum-2")
            .replacingOccurrences(of: "difficulty: 2", with: "difficulty: 9")
        let good = CLIFixtures.backward.replacingOccurrences(of: "id: grad-accum", with: "id: another")
        try CLI.write(["more/a-good.md": good, "more/b-bad.md": bad], under: dir)
        #expect(try run(["--db", "t.sqlite", "import", "more"], in: dir) == CLI.Result(
            status: 1, stdout: "", stderr: "more/b-bad.md:5: difficulty must be 1, 2 or 3, found '9'\n"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("t.sqlite")) == dbBefore)
        #expect(try run(["--db", "t.sqlite", "list"], in: dir) == before)
        // A directory without question files, and no directory at all.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(try run(["--db", "t.sqlite", "import", "empty"], in: dir) == CLI.Result(
            status: 1, stdout: "", stderr: "tensorprep: empty: no question files (*.md) found\n"))
        #expect(try run(["--db", "t.sqlite", "import", "missing"], in: dir) == CLI.Result(
            status: 1, stdout: "", stderr: "tensorprep: missing: no such directory\n"))
    }

    @Test func exportThenImportRoundTrips() throws {
        let dir = try imported()
        #expect(try run(["--db", "t.sqlite", "export", "out"], in: dir) == CLI.Result(
            status: 0, stdout: "Exported 2 questions to out.\n", stderr: ""))
        // The fixtures are written in the canonical layout, so the files come back byte for byte.
        #expect(try String(contentsOf: dir.appendingPathComponent("out/grad-accum.md"), encoding: .utf8) == CLIFixtures.backward)
        #expect(try String(contentsOf: dir.appendingPathComponent("out/dp-main-gpu.md"), encoding: .utf8) == CLIFixtures.choice)
        #expect(try run(["--db", "u.sqlite", "import", "out"], in: dir).status == 0)
        for command in [["list"], ["show", "grad-accum"], ["show", "dp-main-gpu", "--lang", "zh"], ["search", "device_ids"]] {
            #expect(try run(["--db", "u.sqlite"] + command, in: dir) == run(["--db", "t.sqlite"] + command, in: dir))
        }
    }

    @Test func corruptDatabaseIsRefusedAndLeftAsItWas() throws {
        let dir = try CLI.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.sqlite")
        try Data("garbage".utf8).write(to: bad)
        for command in [["list"], ["search", "gradient"], ["show", "x"]] {
            #expect(try CLI.run(["--db", bad.path] + command, in: dir) == CLI.Result(status: 1, stdout: "", stderr: """
                tensorprep: \(bad.path): not a tensorprep database (the file is not SQLite, or it is corrupt); it was left unchanged

                """))
        }
        #expect(try Data(contentsOf: bad) == Data("garbage".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") } == ["bad.sqlite"])
    }

    @Test func databaseLocations() throws {
        let dir = try CLI.temporaryDirectory()
        // Default: $HOME/.local/share/tensorprep/tensorprep.sqlite, directory created.
        #expect(try run(["list"], in: dir).stdout == "The bank is empty.\n")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/.local/share/tensorprep/tensorprep.sqlite"))
        // XDG_DATA_HOME, then TENSORPREP_DB.
        #expect(try run(["list"], in: dir, environment: ["XDG_DATA_HOME": dir.path + "/xdg"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/xdg/tensorprep/tensorprep.sqlite"))
        #expect(try run(["list"], in: dir, environment: ["TENSORPREP_DB": dir.path + "/env.sqlite"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/env.sqlite"))
        // An explicit path in a missing directory is an error, not a surprise directory.
        #expect(try run(["--db", "no/such/dir/t.sqlite", "list"], in: dir) == CLI.Result(
            status: 1, stdout: "", stderr: "tensorprep: no/such/dir: directory does not exist\n"))
        #expect(try run(["--db", ".", "list"], in: dir) == CLI.Result(
            status: 1, stdout: "", stderr: "tensorprep: .: cannot open the database: it is a directory\n"))
    }

    @Test func badUsageExitsTwo() throws {
        let dir = try CLI.temporaryDirectory()
        for arguments in [["--lang", "fr", "list"], ["list", "--lang", "fr"], ["frobnicate"], ["show"], ["--gpus", "0", "list"],
                          ["list", "--gpus", "x"], ["search"], ["list", "--db", ""]] {
            let result = try run(arguments, in: dir)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stdout == "", "\(arguments)")
            #expect(result.stderr.hasPrefix("Error: "), "\(arguments): \(result)")
        }
        let env = try run(["list"], in: dir, environment: ["TENSORPREP_GPUS": "lots"])
        #expect(env == CLI.Result(status: 2, stdout: "", stderr: """
            Error: TENSORPREP_GPUS must be a whole number between 1 and 64, got 'lots'
            Usage: tensorprep [--db <path>] [--lang <en|zh>] [--no-color] [--gpus <n>] <subcommand>
              See 'tensorprep --help' for more information.

            """))
    }

    @Test func helpGoesToStdoutWithStatusZero() throws {
        let dir = try CLI.temporaryDirectory()
        let help = try run(["--help"], in: dir)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: tensorprep [--db <path>] [--lang <en|zh>] [--no-color] [--gpus <n>] <subcommand>"))
        #expect(help.stdout.contains("  list                    List the questions of the bank."))
        #expect(help.stderr == "")
        #expect(try run(["list", "--help"], in: dir).status == 0)
    }
}
