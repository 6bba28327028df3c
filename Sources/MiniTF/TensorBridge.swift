import MiniTorch

/// Conversions between MiniTF's values and MiniTorch tensors (numpy arrays in snippets are MiniTorch tensors).
extension TFDType {
    /// The MiniTorch dtype holding this TensorFlow dtype (nil for strings).
    public var torchDType: DType? {
        switch self {
        case .float32: return .float32
        case .float64: return .float64
        case .int32: return .int32
        case .int64: return .int64
        case .bool: return .bool
        case .string: return nil
        }
    }
    public init(torch: DType) {
        switch torch {
        case .float32: self = .float32
        case .float64: self = .float64
        case .int32: self = .int32
        case .int64: self = .int64
        case .bool: self = .bool
        }
    }
}

extension TFArray {
    /// A fresh contiguous MiniTorch tensor with these elements.
    public func toTensor() -> Tensor {
        switch dtype {
        case .float32: return Tensor(data.map { Float($0) }, shape: shape)
        case .int32: return Tensor(data.map { Int32(clamping: safeInt($0)) }, shape: shape)
        case .int64: return Tensor(data.map { Int64(safeInt($0)) }, shape: shape)
        case .bool: return Tensor(data.map { $0 != 0 }, shape: shape)
        case .float64, .string: return Tensor(data, shape: shape)
        }
    }

    /// The elements of a MiniTorch tensor (any layout), row-major.
    public init(tensor: Tensor) {
        let dt = TFDType(torch: tensor.dtype)
        let values: [Double]
        switch tensor.dtype {
        case .int64, .int32: values = tensor.toInt64Array().map { Double($0) }
        case .bool: values = tensor.toBoolArray().map { $0 ? 1 : 0 }
        default: values = tensor.toDoubleArray()
        }
        self.init(dtype: dt, shape: tensor.shape, data: values)
    }
}
