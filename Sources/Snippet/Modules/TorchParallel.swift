import Foundation
import MiniTorch

/// `nn.DataParallel` over the simulated GPUs, as binding glue until the engine's Parallel/ has its own:
/// the module must live on `device_ids[0]` (PyTorch's check and message); the input is scattered with
/// `chunk` along `dim`; each chunk runs through the module (the replicas share the original parameters,
/// so gradients reduce onto `device_ids[0]` exactly as PyTorch's Broadcast backward sums them); BatchNorm
/// normalises each chunk with its own statistics and only the first replica's running statistics are kept;
/// outputs are gathered on `output_device`.
final class DataParallelModule: Module, PyDataParallelHook {
    let deviceIds: [Int]
    let outputDevice: Int
    let dim: Int

    init(_ inner: Module, deviceIds: [Int], outputDevice: Int, dim: Int) throws {
        self.deviceIds = deviceIds; self.outputDevice = outputDevice; self.dim = dim
        super.init(typeName: "DataParallel")
        try registerModule("module", inner)
    }

    var inner: Module? { if case .module(let m)? = attribute("module") { return m }; return nil }

    override func forward(_ input: Tensor) throws -> Tensor { try run(input) }

    func call(_ ctx: Interpreter, _ args: Arguments) throws -> Value {
        guard args.positional.count == 1, args.keywords.isEmpty, let x = args.positional[0].as(PyTensor.self)?.tensor else {
            throw PyError.typeError("DataParallel binding: forward takes one tensor")
        }
        return TorchConvert.tensorValue(try run(x))
    }

    func run(_ input: Tensor) throws -> Tensor {
        guard let m = inner else { throw TensorError.runtime("DataParallel has no module") }
        guard let first = deviceIds.first else { return try m(input) }
        let src = Device.cuda(first)
        for t in m.parameters() + m.buffers() where t.device != src {
            throw TensorError.runtime("module must have its parameters and buffers on device \(src) (device_ids[0]) but found one of them on device: \(t.device)")
        }
        if deviceIds.count == 1 { return try m(input.to(device: src)) }
        let chunks = try input.chunk(deviceIds.count, dim: dim)
        // Running statistics as they are before the step: replicas other than the first must not change them.
        let buffers = m.buffers()
        var outs: [Tensor] = []
        var after: [Tensor] = []
        for (i, c) in chunks.enumerated() {
            let saved = i == 0 ? [] : buffers.map { $0.clone() }
            outs.append(try m(c.to(device: src)))
            if i == 0 { after = buffers.map { $0.clone() } }
            else { for (b, s) in zip(buffers, saved) { try b.assignElements(from: s) } }
        }
        for (b, s) in zip(buffers, after) { try b.assignElements(from: s) }
        return try Tensor.cat(outs.map { $0.to(device: .cuda(outputDevice)) }, dim: dim)
    }
}

enum TorchParallel {
    static let type: PyType = {
        let t = PyType(name: "DataParallel", module: "torch.nn.parallel.data_parallel", bases: [TorchNN.moduleType])
        let sig = Signature("DataParallel(module, device_ids=None, output_device=None, dim=0)")
        t.constructor = { ctx, type, args in
            let a = try sig.bind(args)
            let inner = try TorchNN.mod(a["module"])
            let n = TorchDevices.count(ctx)
            var ids: [Int] = a["device_ids"].isNone ? Array(0..<n) : try ctx.toArray(a["device_ids"]).map { v in
                if let d = v.as(PyDeviceObject.self) { return d.device.index ?? 0 }
                return try v.asIndex()
            }
            if n == 0 { ids = [] }
            for i in ids { try TorchDevices.check(ctx, .cuda(i)) }
            let out = try a.optionalInt("output_device") ?? ids.first ?? 0
            let dp = try DataParallelModule(inner, deviceIds: ids, outputDevice: out, dim: a.int("dim"))
            // With one device PyTorch moves the module there itself.
            if ids.count == 1 { _ = try inner.to(device: .cuda(ids[0])) }
            let w = PyNNModule(dp, type: type)
            return TorchNN.register(ctx, w)
        }
        t.defineProperty("device_ids") { _, this in
            .list(((this.as(PyNNModule.self)?.module as? DataParallelModule)?.deviceIds ?? []).map { .int($0) })
        }
        t.defineProperty("output_device") { _, this in
            .int((this.as(PyNNModule.self)?.module as? DataParallelModule)?.outputDevice ?? 0)
        }
        return t
    }()
}
