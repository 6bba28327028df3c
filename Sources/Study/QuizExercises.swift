import Foundation
import QuestionBank

extension QuizPlan {
    /// The plan `tensorprep quiz` asks: exercises drawn from `ExerciseGenerator(seed: options.seed)`, so the
    /// same seed gives the same cards in the same order with the same exercises.
    public static func make(bank: QuestionBank, options: QuizOptions, now: Date) throws -> QuizPlan {
        var exercises: (any ExerciseSource)? = ExerciseGenerator(seed: options.seed)
        return try make(bank: bank, options: options, now: now, exercises: &exercises)
    }
}
