import ArgumentParser
import Foundation
import QuestionBank
import Terminal

extension Language: ExpressibleByArgument {}

/// The options every command accepts (SPEC §1). Include them in a command with
/// `@OptionGroup var global: GlobalOptions`, then use `global.language`, `global.style`, `global.gpuCount`,
/// and `try global.openBank()` for the database.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (default: $XDG_DATA_HOME/tensorprep/tensorprep.sqlite, else ~/.local/share/tensorprep/tensorprep.sqlite; env TENSORPREP_DB).",
        valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Language of the texts: en or zh (default from LANG: zh when it starts with zh).",
                                            valueName: "en|zh"))
    var lang: Language?

    @Flag(name: .long, help: "No colour (also when NO_COLOR is set or stdout is not a terminal).")
    var noColor = false

    @Option(name: .long, help: ArgumentHelp("Number of simulated GPUs (default 4; env TENSORPREP_GPUS).", valueName: "n"))
    var gpus: Int?

    /// Upper bound for `--gpus`, so a typo cannot ask for a million simulated devices.
    static let maxGPUs = 64

    func validate() throws {
        if let gpus, !(1...Self.maxGPUs).contains(gpus) {
            throw ValidationError("--gpus must be between 1 and \(Self.maxGPUs), got \(gpus)")
        }
        if gpus == nil, let text = environment["TENSORPREP_GPUS"], !text.isEmpty {
            guard let n = Int(text), (1...Self.maxGPUs).contains(n) else {
                throw ValidationError("TENSORPREP_GPUS must be a whole number between 1 and \(Self.maxGPUs), got '\(text)'")
            }
        }
        if let db, db.isEmpty { throw ValidationError("--db needs a file path") }
    }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `--lang`, else from `LANG` (zh when it starts with zh), else en.
    var language: Language { lang ?? Language.fromLocale(environment["LANG"]) }

    /// `--gpus`, else `TENSORPREP_GPUS`, else 4 (validated in `validate()`).
    var gpuCount: Int {
        if let gpus { return gpus }
        if let text = environment["TENSORPREP_GPUS"], let n = Int(text), (1...Self.maxGPUs).contains(n) { return n }
        return 4
    }

    /// Colour on only for a terminal, without `--no-color` and `NO_COLOR`.
    var style: Style { Style.automatic(noColorFlag: noColor, environment: environment) }

    /// The database path: `--db`, else `TENSORPREP_DB`, else the default location.
    var databasePath: String {
        if let db { return (db as NSString).expandingTildeInPath }
        if let env = environment["TENSORPREP_DB"], !env.isEmpty { return (env as NSString).expandingTildeInPath }
        return Self.defaultDatabasePath(environment: environment)
    }

    /// True when neither `--db` nor `TENSORPREP_DB` chose the path (then its directory is created if missing).
    var usesDefaultDatabase: Bool {
        db == nil && (environment["TENSORPREP_DB"] ?? "").isEmpty
    }

    static func defaultDatabasePath(environment: [String: String]) -> String {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return (dataHome as NSString).appendingPathComponent("tensorprep/tensorprep.sqlite")
    }

    /// Opens the question bank and makes sure the bundled questions are imported and current (the first
    /// use, or a binary with changed content, imports them in one transaction; review history is kept).
    /// Errors are `BankError`s naming the file; `TensorPrep.main` prints them and exits 1.
    /// - Parameter syncBundled: false to skip the bundled import (also skipped when the environment sets
    ///   `TENSORPREP_SKIP_BUNDLED=1`, which tests use to work on fixture questions only).
    func openBank(syncBundled: Bool = true) throws -> QuestionBank {
        let bank = try QuestionBank.open(path: databasePath, createDirectory: usesDefaultDatabase)
        if syncBundled && environment["TENSORPREP_SKIP_BUNDLED"] != "1" {
            try bank.syncBundled(files: Bundled.files)
        }
        return bank
    }

    // MARK: - Global options before the command name

    /// Options that take a value, and flags, of this group (as written on the command line).
    static let valueOptions: Set<String> = ["--db", "--lang", "--gpus"]
    static let flagOptions: Set<String> = ["--no-color"]

    /// `tensorprep --db X list` → `tensorprep list --db X`: global options written before the command name
    /// are moved after it, so every command sees them through its own `GlobalOptions`.
    static func movingLeadingGlobals(_ arguments: [String]) -> [String] {
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if valueOptions.contains(name) {
                moved.append(argument)
                if !argument.contains("="), index + 1 < arguments.count {
                    moved.append(arguments[index + 1])
                    index += 1
                }
                index += 1
            } else if flagOptions.contains(argument) {
                moved.append(argument)
                index += 1
            } else {
                break
            }
        }
        // Only when a command name follows; otherwise leave everything to the root command (help, errors).
        guard !moved.isEmpty, index < arguments.count, !arguments[index].hasPrefix("-") else { return arguments }
        return [arguments[index]] + moved + arguments[(index + 1)...]
    }
}
