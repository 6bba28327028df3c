import Foundation

/// Builds a module for one run. Called at most once per run, on first `import`.
public typealias ModuleLoader = (Interpreter) throws -> PyModule

/// Where `import NAME` finds modules. Only registered names exist: anything else is
/// `ModuleNotFoundError: No module named 'os'` — the sandbox has no file, process or network access.
///
/// Two ways to add a module:
/// 1. **Bindings in this target** (torch, numpy, tensorflow) plug in without editing any shared file by declaring,
///    in their own file, a static property on `ModuleHooks` that shadows the default `nil`:
///    ```swift
///    extension ModuleHooks {
///        public static var torch: ModuleLoader? { TorchModule.load }   // `import torch`, `import torch.nn as nn`, …
///    }
///    ```
///    Hook names: `torch`, `numpy`, `tensorflow`. Submodules (`torch.nn`, `torch.nn.functional`) are attributes of
///    the top module holding `PyModule`s, or separate entries registered with `register("torch.nn", …)`.
/// 2. **At run time** (tests, other targets): `ModuleRegistry.register("mymod") { ctx in ... }`.
public enum ModuleRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var registered: [String: ModuleLoader] = [:]

    /// Registers (or replaces) a module loader for a dotted name.
    public static func register(_ name: String, _ loader: @escaping ModuleLoader) {
        lock.lock(); defer { lock.unlock() }
        registered[name] = loader
    }

    /// The loader for a (dotted) module name, if the module exists.
    public static func loader(for name: String) -> ModuleLoader? {
        lock.lock()
        let r = registered[name]
        lock.unlock()
        if let r { return r }
        switch name {
        case "math": return MathModule.load
        case "time": return TimeModule.load
        case "torch": return ModuleHooks.torch
        case "numpy": return ModuleHooks.numpy
        case "tensorflow": return ModuleHooks.tensorflow
        default: return nil
        }
    }
}

/// Default (absent) hooks; see `ModuleRegistry`.
public protocol ModuleHookDefaults {}
extension ModuleHookDefaults {
    public static var torch: ModuleLoader? { nil }
    public static var numpy: ModuleLoader? { nil }
    public static var tensorflow: ModuleLoader? { nil }
}
/// Bindings shadow these properties in an extension (see `ModuleRegistry`).
public enum ModuleHooks: ModuleHookDefaults {}
