import Foundation

/// The training-loop overhead benchmark of issue 4: one SGD step of
/// `Sequential(Linear(4, 8), ReLU(), Linear(8, 1))` on a 16×4 batch (zero_grad, forward, MSE, backward, step).
public enum NNBench {
    /// Runs `iterations` steps after a short warm-up; returns the mean seconds per step.
    public static func sgdStep(iterations: Int) throws -> Double {
        Generator.default.manualSeed(UInt64(0))
        let model = try Sequential([Linear(4, 8), ReLU(), Linear(8, 1)])
        let x = Tensor(zeros: [16, 4], dtype: .float32)
        try Init.uniform_(x, -1, 1)
        let y = try x.sum(dims: [1], keepdim: true).mul(.double(0.5))
        let opt = try SGD(model.parameters(), lr: 0.01)
        let lossFn = try Loss(.mse)
        func step() throws {
            try opt.zeroGrad()
            let loss = try lossFn(model(x), y)
            try loss.backward()
            try opt.step()
        }
        for _ in 0..<min(iterations, 50) { try step() }
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { try step() }
        let ns = DispatchTime.now().uptimeNanoseconds - start
        return Double(ns) / 1e9 / Double(max(iterations, 1))
    }
}
