import Foundation
import MiniTorch

/// `nn.DataParallel` for snippets: the engine's `DataParallel` (Parallel/), called with one tensor.
final class DataParallelModule: DataParallel, PyDataParallelHook {
    func call(_ ctx: Interpreter, _ args: Arguments) throws -> Value {
        guard args.positional.count == 1, args.keywords.isEmpty, let x = args.positional[0].as(PyTensor.self)?.tensor else {
            throw PyError.typeError("DataParallel binding: forward takes one tensor")
        }
        return TorchConvert.tensorValue(try run(x))
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
            var out: Int? = ids.first ?? 0
            let od = a["output_device"]
            if let d = od.as(PyDeviceObject.self) { out = d.device.index }
            else if !od.isNone { let i = try od.asIndex(); out = i < 0 ? nil : i }
            if let o = out { try TorchDevices.check(ctx, .cuda(o)) }
            // With one device id the engine moves the module there itself.
            let dp = try DataParallelModule(inner, deviceIds: ids, outputDevice: out, dim: a.int("dim"))
            let w = PyNNModule(dp, type: type)
            return TorchNN.register(ctx, w)
        }
        t.defineProperty("device_ids") { _, this in
            .list(((this.as(PyNNModule.self)?.module as? DataParallelModule)?.deviceIds ?? []).map { .int($0) })
        }
        t.defineProperty("output_device") { _, this in
            ((this.as(PyNNModule.self)?.module as? DataParallelModule)?.outputDevice).map { .int($0) } ?? .int(-1)
        }
        t.defineProperty("dim") { _, this in
            .int((this.as(PyNNModule.self)?.module as? DataParallelModule)?.dim ?? 0)
        }
        return t
    }()
}
