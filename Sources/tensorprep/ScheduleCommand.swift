import ArgumentParser
import Study

/// `tensorprep schedule --reviews "0:3,1:3,7:1"`: the FSRS-6 state after each review of a history, with the
/// formula behind each step, so a learner can see why a card is due when it is (SPEC §1).
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Show, review by review, how FSRS-6 schedules a card.",
        discussion: """
            Each review is DAY:RATING. DAY counts from the first day (0, 1, 7), may be fractional (0.5 = noon \
            of day 0) or a duration with a unit (10m, 2h, 3d); it must not decrease. RATING is 1 Again, 2 Hard, \
            3 Good, 4 Easy (or again/hard/good/easy, a/h/g/e). Scheduling is the reference fsrs 6.x (PyPI) with \
            the default parameters, desired retention 0.9 and fuzzing off.

            Example: tensorprep schedule --reviews "0:3,1:3,7:1"
            """)

    @OptionGroup var global: GlobalOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("The review history: DAY:RATING pairs separated by commas.",
                               valueName: "day:rating,..."))
    var reviews: String

    func validate() throws {
        do {
            _ = try FSRS.parseReviews(reviews)
        } catch let error as FSRS.ReviewSpecError {
            throw ValidationError("--reviews: \(error.description)")
        }
    }

    func run() throws {
        let specs: [FSRS.ReviewSpec]
        do {
            specs = try FSRS.parseReviews(reviews)
        } catch let error as FSRS.ReviewSpecError {
            throw ValidationError("--reviews: \(error.description)")
        }
        let language = FSRS.ReportLanguage(rawValue: global.language.rawValue) ?? .en
        print(FSRS.ScheduleReport(reviews: specs).render(language: language), terminator: "")
    }
}
