import Foundation

/// One DataParallel forward step, as it happened: what moved where and how big, for `explain dataparallel`.
public struct DataParallelTrace: Sendable {
    public enum Kind: String, Sendable { case scatter, broadcast, bufferCopy = "buffer copy", forward, gather }
    public struct Event: Sendable {
        public var kind: Kind
        public var from: Device?
        public var to: Device
        public var shape: [Int]
        public var bytes: Int
    }
    /// The input's shape and the scatter dim.
    public var inputShape: [Int] = []
    public var dim: Int = 0
    /// Rows (along `dim`) each replica received: `chunk` semantics (10 rows on 4 GPUs → 3,3,3,1).
    public var chunkSizes: [Int] = []
    /// The devices that ran a replica, in order (a prefix of `device_ids` when there are fewer chunks).
    public var devices: [Device] = []
    public var outputDevice: Device = .cuda(0)
    /// True when the replicas ran concurrently, one thread per device.
    public var threaded: Bool = false
    /// Wall time of each replica's forward, seconds.
    public var replicaSeconds: [Double] = []
    public var events: [Event] = []
    /// Memory of each device at the end of the step (allocated, peak).
    public var memory: [(device: Device, usage: DeviceMemory.Usage)] = []
}

/// `nn.DataParallel(module, device_ids, output_device, dim)` on simulated GPUs, doing PyTorch's algorithm:
/// placement check, scatter (`chunk`), replicate (Broadcast of parameters, copies of buffers), parallel_apply
/// (one thread per device), gather onto `output_device`. Backward flows through gather, the replicas and
/// scatter; replica gradients sum onto the original parameters on `device_ids[0]`.
/// BatchNorm in a replica normalises its own chunk; only `device_ids[0]`'s replica updates running statistics.
open class DataParallel: Module {
    public let deviceIds: [Int]
    /// nil = the CPU (`output_device=-1`).
    public let outputDevice: Int?
    public let dim: Int
    /// Accounting of the simulated devices' memory across steps.
    public let memory = DeviceMemory()
    /// The last forward step.
    public internal(set) var lastTrace: DataParallelTrace?

    /// `device_ids` must already be validated against the number of simulated GPUs.
    public init(_ module: Module, deviceIds: [Int], outputDevice: Int?, dim: Int = 0) throws {
        self.deviceIds = deviceIds; self.outputDevice = outputDevice; self.dim = dim
        super.init(typeName: "DataParallel")
        try registerModule("module", module)
        // With one device PyTorch moves the module there itself.
        if deviceIds.count == 1 { try module.to(device: .cuda(deviceIds[0])) }
    }

    public var module: Module? { if case .module(let m)? = attribute("module") { return m }; return nil }

    open override func forward(_ input: Tensor) throws -> Tensor { try run(input) }

    /// PyTorch's check: every parameter and buffer on `device_ids[0]`.
    public func checkPlacement() throws {
        guard let m = module, let first = deviceIds.first else { return }
        let src = Device.cuda(first)
        for t in m.parameters() + m.buffers() where t.device != src {
            throw TensorError.runtime("module must have its parameters and buffers on device \(src) (device_ids[0]) but found one of them on device: \(t.device)")
        }
    }

    /// One step: scatter, replicate, parallel_apply, gather.
    public func run(_ input: Tensor) throws -> Tensor {
        guard let m = module else { throw TensorError.runtime("DataParallel has no module") }
        guard !deviceIds.isEmpty else { return try m(input) }
        let step = try beginStep()
        let inputs = try step.scatter(input)
        if deviceIds.count == 1 {
            let t0 = Date()
            let y = try m(inputs[0])
            step.trace.replicaSeconds = [Date().timeIntervalSince(t0)]
            step.recordForward(y, on: step.trace.devices[0])
            // PyTorch calls the module directly with one device id: no Gather, the output stays where it is.
            step.finish()
            return y
        }
        let contexts = step.replicate(count: inputs.count)
        // parallel_apply
        let threaded = DataParallel.canRunConcurrently(m)
        step.trace.threaded = threaded
        var outputs = [Tensor?](repeating: nil, count: contexts.count)
        var errors = [Error?](repeating: nil, count: contexts.count)
        var seconds = [Double](repeating: 0, count: contexts.count)
        let gradEnabled = GradMode.isEnabled
        if threaded {
            let group = DispatchGroup()
            let box = ReplicaResults(contexts: contexts, inputs: inputs)
            for i in contexts.indices {
                group.enter()
                let thread = Thread {
                    let t0 = Date()
                    var out: Tensor?; var err: Error?
                    do { out = try GradMode.with(enabled: gradEnabled) { try box.contexts[i].run { try m(box.inputs[i]) } } } catch { err = error }
                    box.store(i, out, err, Date().timeIntervalSince(t0))
                    group.leave()
                }
                thread.stackSize = 16 << 20
                thread.start()
            }
            group.wait()
            for (i, o, e, s) in box.results { outputs[i] = o; errors[i] = e; seconds[i] = s }
            // A finished thread lets go of its closure (and so of the box) a little later; emptying the box here
            // frees the step's tensors on this thread, in program order, as PyTorch frees them.
            box.clear()
        } else {
            for i in contexts.indices {
                let t0 = Date()
                do { outputs[i] = try GradMode.with(enabled: gradEnabled) { try contexts[i].run { try m(inputs[i]) } } }
                catch { errors[i] = error }
                seconds[i] = Date().timeIntervalSince(t0)
            }
        }
        if let e = errors.compactMap({ $0 }).first { throw e }
        step.trace.replicaSeconds = seconds
        let outs = outputs.compactMap { $0 }
        for (o, dev) in zip(outs, step.trace.devices) { step.recordForward(o, on: dev) }
        let result = try step.gather(outs)
        step.finish()
        return result
    }

    /// Starts one forward step: PyTorch's placement check, then a step object whose pieces (scatter, replicate,
    /// gather) callers compose for inputs and outputs richer than one tensor (the interpreter's tuples, lists
    /// and dicts), exactly as `torch.nn.parallel.scatter_gather` composes `Scatter` and `Gather`.
    public func beginStep() throws -> DataParallelStep {
        try checkPlacement()
        return DataParallelStep(self)
    }

    /// PyTorch's `Gather`: concatenates the replica outputs along `dim` on `device`; its backward
    /// (`GatherBackward`) splits the gradient into the outputs' sizes and sends each piece back to its device.
    /// All-scalar outputs with `dim` 0 are unsqueezed into a vector, one element per replica (PyTorch warns).
    public static func gather(_ outputs: [Tensor], to device: Device, dim: Int) throws -> Tensor {
        let scalars = dim == 0 && !outputs.isEmpty && outputs.allSatisfy { $0.dim == 0 }
        let result = try GradMode.with(enabled: false) {
            try Tensor.cat(outputs.map { (scalars ? try $0.view([1]) : $0).to(device: device) }, dim: dim)
        }
        let d = dim < 0 ? dim + result.dim : dim
        let sizes = outputs.map { $0.dim == 0 ? 1 : $0.shape[d] }
        let devices = outputs.map { $0.device }
        _ = recordAutograd("GatherBackward", inputs: outputs, outputs: [result]) { g in
            guard let g0 = g[0] else { return devices.map { _ in nil } }
            let parts = try g0.split(sizes: sizes, dim: d)
            return try zip(parts, devices).map { scalars ? try $0.to(device: $1).view([]) : $0.to(device: $1) }
        }
        return result
    }

    /// Rows per replica when `batch` rows are scattered over `gpus` devices: `torch.chunk` semantics
    /// (chunks of ceil(batch/gpus); 10 on 4 → [3, 3, 3, 1], 5 on 4 → [2, 2, 1], so fewer replicas may run).
    public static func chunkSizes(batch: Int, gpus: Int) -> [Int] {
        guard batch > 0, gpus > 0 else { return [] }
        let size = (batch + gpus - 1) / gpus
        return stride(from: 0, to: batch, by: size).map { min(size, batch - $0) }
    }

    /// Replicas run on their own threads unless a module's forward is Python code (the interpreter runs on one
    /// thread) or draws random numbers in training (one generator, whose order must stay deterministic).
    public static func canRunConcurrently(_ m: Module) -> Bool {
        for sub in m.modules() {
            if sub.forwardOverride != nil { return false }
            if sub.training, sub is Dropout { return false }
            if !(sub is Linear || sub is Conv2d || sub is ReLU || sub is Sigmoid || sub is Tanh || sub is Softmax
                 || sub is Dropout || sub is Flatten || sub is Identity || sub is Sequential || sub is BatchNorm) { return false }
        }
        return true
    }
}

/// One DataParallel forward step in progress (`DataParallel.beginStep()`): its trace and the moves it makes.
public final class DataParallelStep {
    public let dataParallel: DataParallel
    public var trace = DataParallelTrace()
    /// The device `Gather` collects onto (`output_device`; the CPU for -1).
    public var outputDevice: Device { trace.outputDevice }

    init(_ dp: DataParallel) {
        dataParallel = dp
        trace.dim = dp.dim
        trace.outputDevice = dp.outputDevice.map { .cuda($0) } ?? .cpu
    }

    /// PyTorch's `Scatter` of one tensor: `chunk(len(device_ids), dim)`, chunk i copied to `device_ids[i]`
    /// (fewer chunks than devices when the tensor is short). The first tensor scattered sets the step's
    /// input shape, chunk sizes and replica devices.
    public func scatter(_ input: Tensor) throws -> [Tensor] {
        let ids = dataParallel.deviceIds
        let chunks: [Tensor]
        if ids.count == 1 {
            chunks = [input]
        } else {
            guard input.dim > 0 else {
                throw TensorError.runtime("chunk expects at least a 1-dimensional tensor")
            }
            chunks = try input.chunk(ids.count, dim: dataParallel.dim)
        }
        let devices = ids.prefix(chunks.count).map { Device.cuda($0) }
        if trace.devices.isEmpty {
            trace.inputShape = input.shape
            trace.devices = devices
            let d = input.dim == 0 ? 0 : (dataParallel.dim < 0 ? dataParallel.dim + input.dim : dataParallel.dim)
            trace.chunkSizes = chunks.map { $0.dim == 0 ? 1 : $0.shape[min(max(d, 0), $0.dim - 1)] }
        }
        var moved: [Tensor] = []
        for (c, dev) in zip(chunks, devices) {
            let x = c.to(device: dev)
            if c.device != dev { record(.scatter, from: c.device, to: dev, x) }
            moved.append(x)
        }
        return moved
    }

    /// PyTorch's `replicate` for the first `count` devices: replica 0 is the module itself; the others see
    /// copies of the parameters (autograd outputs of the originals: PyTorch's Broadcast) and of the buffers.
    public func replicate(count: Int) -> [ReplicaContext] {
        guard let m = dataParallel.module else { return [] }
        let devices = dataParallel.deviceIds.prefix(count).map { Device.cuda($0) }
        if trace.devices.count < devices.count { trace.devices = Array(devices) }
        let params = m.parameters()
        let buffers = m.buffers()
        var contexts: [ReplicaContext] = []
        for (i, dev) in devices.enumerated() {
            var subs: [ObjectIdentifier: Tensor] = [:]
            if i > 0 {
                for p in params {
                    let c = p.to(device: dev)
                    subs[ObjectIdentifier(p)] = c
                    record(.broadcast, from: p.device, to: dev, c)
                }
                for b in buffers {
                    let c = GradMode.with(enabled: false) { b.to(device: dev) }
                    subs[ObjectIdentifier(b)] = c
                    record(.bufferCopy, from: b.device, to: dev, c)
                }
            }
            contexts.append(ReplicaContext(device: dev, substitutes: subs))
        }
        return contexts
    }

    /// PyTorch's `Gather` of one output per replica onto the output device.
    public func gather(_ outputs: [Tensor]) throws -> Tensor {
        for o in outputs where o.device != outputDevice {
            record(.gather, from: o.device, to: outputDevice, o)
        }
        let result = try DataParallel.gather(outputs, to: outputDevice, dim: dataParallel.dim)
        dataParallel.memory.allocate(tensorBytes(result), on: outputDevice)
        gathered.append(result)
        return result
    }
    private var gathered: [Tensor] = []

    /// Notes a replica's forward output.
    public func recordForward(_ y: Tensor, on device: Device) {
        trace.events.append(.init(kind: .forward, from: nil, to: device, shape: y.shape, bytes: tensorBytes(y)))
        dataParallel.memory.allocate(tensorBytes(y), on: device)
    }

    func record(_ kind: DataParallelTrace.Kind, from: Device, to: Device, _ t: Tensor) {
        trace.events.append(.init(kind: kind, from: from, to: to, shape: t.shape, bytes: tensorBytes(t)))
        dataParallel.memory.allocate(tensorBytes(t), on: to)
    }

    /// Ends the step: the trace is kept as the module's `lastTrace`; the replicas, chunks and outputs of the
    /// step are released (the peaks stay).
    public func finish() {
        let memory = dataParallel.memory
        trace.memory = memory.devices.map { ($0, memory.usage(of: $0)) }
        dataParallel.lastTrace = trace
        for e in trace.events { memory.free(e.bytes, on: e.to) }
        for r in gathered { memory.free(tensorBytes(r), on: outputDevice) }
    }
}

/// What the replica threads share: their inputs (read-only) and their results (under a lock).
private final class ReplicaResults: @unchecked Sendable {
    private(set) var contexts: [ReplicaContext]
    private(set) var inputs: [Tensor]
    private let lock = NSLock()
    private(set) var results: [(Int, Tensor?, Error?, Double)] = []
    init(contexts: [ReplicaContext], inputs: [Tensor]) { self.contexts = contexts; self.inputs = inputs }
    /// Drops every reference (called once all threads have stored their results).
    func clear() {
        lock.lock(); contexts = []; inputs = []; results = []; lock.unlock()
    }
    func store(_ i: Int, _ out: Tensor?, _ err: Error?, _ seconds: Double) {
        lock.lock(); results.append((i, out, err, seconds)); lock.unlock()
    }
}
