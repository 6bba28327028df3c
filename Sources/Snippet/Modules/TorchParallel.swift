import Foundation
import MiniTorch

/// `nn.DataParallel` for snippets: the engine's `DataParallel` (Parallel/). One tensor in goes through the engine's
/// own step (replicas on threads); anything else is scattered and gathered as `torch.nn.parallel.scatter_gather`
/// does it: tensors are chunked along `dim` onto the devices, tuples/lists/dicts are scattered element-wise and
/// zipped (down to the fewest chunks), other objects are handed to every replica; outputs are gathered the same
/// way (tensors by `Gather`, tuples/lists/dicts element-wise, None stays None).
final class DataParallelModule: DataParallel, PyDataParallelHook {
    func call(_ ctx: Interpreter, _ args: Arguments) throws -> Value {
        guard let m = module else { throw PyError.runtimeError("DataParallel has no module") }
        let callee = TorchNN.wrap(ctx, m)
        // An engine module given one tensor: the engine's own step (its replicas may run on threads). A module
        // with a Python forward may return anything, so it goes through scatter_map/gather_map below.
        let pythonForward = callee.as(PyNNModule.self)?.type.isUserDefined ?? false
        if !pythonForward, args.positional.count == 1, args.keywords.isEmpty,
           let x = args.positional[0].as(PyTensor.self)?.tensor {
            return TorchConvert.tensorValue(try run(x))
        }
        if deviceIds.isEmpty { return try ctx.call(callee, args) }
        let step = try beginStep()
        var inputs: [[Value]] = try args.positional.isEmpty ? [] : scatter(ctx, .tuple(args.positional), step).map {
            $0.as(PyTuple.self)?.items ?? []
        }
        var kwargs: [[(name: String, value: Value)]] = []
        if !args.keywords.isEmpty {
            let d = PyDict()
            for (k, v) in args.keywords { d[string: k] = v }
            kwargs = try scatter(ctx, .object(d), step).map { v in
                guard let d = v.as(PyDict.self) else { return [] }
                return zip(d.keys, d.values).map { key, value in
                    if case .str(let name) = key { return (name: name, value: value) }
                    return (name: "", value: value)
                }
            }
        }
        // scatter_kwargs pads the shorter side (PyTorch compares the kwargs with the unscattered inputs).
        if inputs.count < kwargs.count {
            inputs += Array(repeating: [], count: kwargs.count - inputs.count)
        } else if kwargs.count < args.positional.count {
            kwargs += Array(repeating: [], count: inputs.count - kwargs.count)
        }
        if inputs.isEmpty && kwargs.isEmpty { inputs = [[]]; kwargs = [[]] }
        if deviceIds.count == 1 {
            let out = try ctx.call(callee, Arguments(inputs[0], keywords: kwargs.first ?? []))
            step.finish()
            return out
        }
        let contexts = step.replicate(count: inputs.count)
        // The interpreter runs on one thread: the replicas run one after another, each seeing its own copies.
        var outputs: [Value] = []
        for (i, context) in contexts.enumerated() {
            let t0 = Date()
            let kw = i < kwargs.count ? kwargs[i] : []
            outputs.append(try context.run { try ctx.call(callee, Arguments(inputs[i], keywords: kw)) })
            step.trace.replicaSeconds.append(Date().timeIntervalSince(t0))
        }
        let result = try gather(ctx, outputs, step)
        step.finish()
        return result
    }

    /// `scatter_map`: one value per replica.
    private func scatter(_ ctx: Interpreter, _ obj: Value, _ step: DataParallelStep) throws -> [Value] {
        if let t = obj.as(PyTensor.self)?.tensor {
            return try step.scatter(t).map(TorchConvert.tensorValue)
        }
        if let tuple = obj.as(PyTuple.self), !tuple.items.isEmpty {
            return try zipped(tuple.items.map { try scatter(ctx, $0, step) }).map { .tuple($0) }
        }
        if let list = obj.as(PyList.self), !list.items.isEmpty {
            return try zipped(list.items.map { try scatter(ctx, $0, step) }).map { .list($0) }
        }
        if let dict = obj.as(PyDict.self), !dict.keys.isEmpty {
            let columns = try dict.values.map { try scatter(ctx, $0, step) }
            return zipped(columns).map { values in
                let d = PyDict()
                for (k, v) in zip(dict.keys, values) { d.setUnchecked(HashKey(k), k, v) }
                return .object(d)
            }
        }
        return Array(repeating: obj, count: deviceIds.count)
    }

    /// Python's `zip(*columns)`: as many rows as the shortest column.
    private func zipped(_ columns: [[Value]]) -> [[Value]] {
        let n = columns.map(\.count).min() ?? 0
        return (0..<n).map { i in columns.map { $0[i] } }
    }

    /// `gather_map` over the replicas' outputs.
    private func gather(_ ctx: Interpreter, _ outputs: [Value], _ step: DataParallelStep) throws -> Value {
        guard let first = outputs.first else { return .none }
        if first.as(PyTensor.self) != nil {
            let tensors = try outputs.map { v -> Tensor in
                guard let t = v.as(PyTensor.self)?.tensor else {
                    throw PyError.typeError("expected Tensor as element \(0) in argument 0, but got \(v.typeName)")
                }
                return t
            }
            for (t, dev) in zip(tensors, step.trace.devices) { step.recordForward(t, on: dev) }
            return TorchConvert.tensorValue(try step.gather(tensors))
        }
        if first.isNone { return .none }
        if let d = first.as(PyDict.self) {
            let dicts = outputs.compactMap { $0.as(PyDict.self) }
            guard dicts.count == outputs.count, dicts.allSatisfy({ $0.keys.count == d.keys.count }) else {
                throw PyError.valueError("All dicts must have the same number of keys")
            }
            let out = PyDict()
            for k in d.keys {
                let column = try dicts.map { dict -> Value in
                    guard let v = dict.get(HashKey(k)) else { throw PyError.keyError(k) }
                    return v
                }
                out.setUnchecked(HashKey(k), k, try gather(ctx, column, step))
            }
            return .object(out)
        }
        if first.as(PyTuple.self) != nil || first.as(PyList.self) != nil {
            let rows = try outputs.map { try ctx.toArray($0) }
            let items = try zipped(rows).map { try gather(ctx, $0, step) }
            return first.as(PyTuple.self) != nil ? .tuple(items) : .list(items)
        }
        throw PyError.typeError("'\(first.typeName)' object is not iterable")
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
