import ArgumentParser
import Foundation
import Study

/// `tensorprep stats`: reviews per day as a heat-map, true retention, the due forecast, weakest topics (SPEC §1).
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Reviews per day (heat-map), retention, cards due in the next two weeks, weakest topics.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let bank = try global.openBank()
        guard let stats = try FSRS.StudyStats(bank: bank, now: Date()) else {
            print(global.language == .zh ? "還沒有任何複習紀錄：先用 `tensorprep quiz` 答幾題。"
                                         : "Nothing to show yet: answer a few cards with `tensorprep quiz` first.")
            return
        }
        let language = FSRS.ReportLanguage(rawValue: global.language.rawValue) ?? .en
        print(stats.render(language: language), terminator: "")
    }
}
