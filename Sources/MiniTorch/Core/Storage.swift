#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Typed contiguous memory shared by a tensor and all its views (and by numpy arrays made with `from_numpy`/`.numpy()`).
/// Mutable in place; `count` is in elements of `dtype`.
public final class Storage: @unchecked Sendable {
    public let dtype: DType
    public let count: Int
    /// 64-byte aligned buffer of `count * dtype.itemSize` bytes (at least one byte).
    public let raw: UnsafeMutableRawPointer
    /// The simulated GPU this memory was counted on (`CUDAMemory`), nil for host memory.
    /// Set once, under `CUDAMemory`'s lock.
    var cudaDevice: Int?

    /// Allocates zero-filled memory.
    public init(dtype: DType, count: Int) {
        self.dtype = dtype
        self.count = Swift.max(count, 0)
        let bytes = Swift.max(self.count * dtype.itemSize, 1)
        raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        memset(raw, 0, bytes)
    }
    /// Allocates memory left uninitialised: only for buffers the caller overwrites completely before anything
    /// reads them (copies, im2col), to skip a pass over large outputs.
    init(dtype: DType, uninitializedCount count: Int) {
        self.dtype = dtype
        self.count = Swift.max(count, 0)
        raw = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(self.count * dtype.itemSize, 1), alignment: 64)
    }
    deinit {
        if let d = cudaDevice { CUDAMemory.free(CUDAMemory.blockSize(forRequest: byteCount), device: d) }
        raw.deallocate()
    }

    public var byteCount: Int { count * dtype.itemSize }

    /// Typed pointer to element 0 (the caller must ask for the type matching `dtype`).
    @inline(__always) public func pointer<T>(_: T.Type) -> UnsafeMutablePointer<T> { raw.assumingMemoryBound(to: T.self) }
    public var floats: UnsafeMutablePointer<Float> { pointer(Float.self) }
    public var doubles: UnsafeMutablePointer<Double> { pointer(Double.self) }
    public var int64s: UnsafeMutablePointer<Int64> { pointer(Int64.self) }
    public var int32s: UnsafeMutablePointer<Int32> { pointer(Int32.self) }
    public var bools: UnsafeMutablePointer<Bool> { pointer(Bool.self) }

    /// Reads element `i` (storage index) converted to Double.
    @inline(__always) public func readDouble(_ i: Int) -> Double {
        switch dtype {
        case .float32: return Double(floats[i])
        case .float64: return doubles[i]
        case .int64: return Double(int64s[i])
        case .int32: return Double(int32s[i])
        case .bool: return bools[i] ? 1 : 0
        }
    }
    @inline(__always) public func readInt64(_ i: Int) -> Int64 {
        switch dtype {
        case .float32: return doubleToInt64(Double(floats[i]))
        case .float64: return doubleToInt64(doubles[i])
        case .int64: return int64s[i]
        case .int32: return Int64(int32s[i])
        case .bool: return bools[i] ? 1 : 0
        }
    }
    @inline(__always) public func readBool(_ i: Int) -> Bool {
        switch dtype {
        case .float32: return floats[i] != 0
        case .float64: return doubles[i] != 0
        case .int64: return int64s[i] != 0
        case .int32: return int32s[i] != 0
        case .bool: return bools[i]
        }
    }
    /// Reads element `i` as the Python number it is (`item()`).
    public func readScalar(_ i: Int) -> Scalar {
        switch dtype {
        case .float32, .float64: return .double(readDouble(i))
        case .int64, .int32: return .int(readInt64(i))
        case .bool: return .bool(bools[i])
        }
    }
    /// Writes a Python number at storage index `i`, converting like a C++ static_cast.
    @inline(__always) public func write(_ s: Scalar, at i: Int) {
        switch dtype {
        case .float32: floats[i] = Float(s.asDouble)
        case .float64: doubles[i] = s.asDouble
        case .int64: int64s[i] = s.asInt64
        case .int32: int32s[i] = Int32(truncatingIfNeeded: s.asInt64)
        case .bool: bools[i] = s.asBool
        }
    }
}
