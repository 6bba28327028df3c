/// Ring all-reduce (what DistributedDataParallel does with gradients), simulated step by step for
/// `explain ddp`: N devices in a ring, each tensor cut into N chunks; N−1 reduce-scatter steps (each device
/// sends one chunk to its right neighbour, which adds it), then N−1 all-gather steps (the reduced chunks travel
/// round the ring). Every device sends 2·(N−1)/N of the tensor's bytes in total, whatever N is.
public enum RingAllReduce {
    public enum Phase: String, Sendable { case reduceScatter = "reduce-scatter", allGather = "all-gather" }
    /// One message: `from` sends chunk `chunk` (elements `range`) to `to`.
    public struct Send: Sendable, Equatable {
        public var from: Int, to: Int, chunk: Int
        public var range: Range<Int>
        public var bytes: Int
    }
    public struct Step: Sendable {
        public var phase: Phase
        public var index: Int
        public var sends: [Send]
        /// Every device's buffer after the step (flattened values).
        public var buffers: [[Double]]
    }
    public struct Result {
        /// The summed tensor on each device (same shape, dtype and device as its input).
        public var outputs: [Tensor]
        public var steps: [Step]
        /// Bytes each device sent over the whole all-reduce.
        public var bytesSent: [Int]
        /// Element ranges of the N chunks.
        public var chunks: [Range<Int>]
    }

    /// Sums `tensors` (one per device, equal shapes) with a ring all-reduce.
    public static func run(_ tensors: [Tensor]) throws -> Result {
        guard let first = tensors.first else { throw TensorError.value("all-reduce needs at least one tensor") }
        for t in tensors where t.shape != first.shape {
            throw TensorError.runtime("all-reduce: tensors must have the same shape, got \(first.shape) and \(t.shape)")
        }
        let n = tensors.count
        let numel = first.numel
        let itemSize = first.dtype.itemSize
        var buffers = tensors.map { $0.toDoubleArray() }
        // Chunk boundaries: as even as possible, the first ones one larger.
        var chunks: [Range<Int>] = []
        var start = 0
        for i in 0..<n {
            let len = numel / n + (i < numel % n ? 1 : 0)
            chunks.append(start..<(start + len)); start += len
        }
        var steps: [Step] = []
        var bytesSent = [Int](repeating: 0, count: n)
        for phase in [Phase.reduceScatter, .allGather] where n > 1 {
            for s in 0..<(n - 1) {
                var sends: [Send] = []
                let before = buffers
                for r in 0..<n {
                    let c = phase == .reduceScatter ? ((r - s) % n + n) % n : ((r + 1 - s) % n + n) % n
                    let to = (r + 1) % n
                    let range = chunks[c]
                    for i in range {
                        buffers[to][i] = phase == .reduceScatter ? buffers[to][i] + before[r][i] : before[r][i]
                    }
                    sends.append(Send(from: r, to: to, chunk: c, range: range, bytes: range.count * itemSize))
                    bytesSent[r] += range.count * itemSize
                }
                steps.append(Step(phase: phase, index: s, sends: sends, buffers: buffers))
            }
        }
        let outputs = zip(tensors, buffers).map { t, b in
            Tensor(b, shape: t.shape, device: t.device).to(t.dtype)
        }
        return Result(outputs: outputs, steps: steps, bytesSent: bytesSent, chunks: chunks)
    }
}
