/// The built-in layers: Linear, Conv2d, activations, Dropout, Flatten, Identity. Each registers its
/// parameters in PyTorch's order and draws its default init from the seeded generator in PyTorch's order.

/// `nn.Linear(in_features, out_features, bias=True)`.
public final class Linear: Module {
    public let inFeatures: Int, outFeatures: Int
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, dtype: DType? = nil) throws {
        guard inFeatures >= 0, outFeatures >= 0 else {
            throw TensorError.runtime("Trying to create tensor with negative dimension \(min(inFeatures, outFeatures)): [\(outFeatures), \(inFeatures)]")
        }
        self.inFeatures = inFeatures; self.outFeatures = outFeatures
        super.init(typeName: "Linear")
        let dt = dtype ?? .defaultFloat
        let w = try Parameter.empty([outFeatures, inFeatures], dtype: dt)
        let b = bias ? try Parameter.empty([outFeatures], dtype: dt) : nil
        try registerParameter("weight", w)
        try registerParameter("bias", b)
        try Init.resetLinearLike(weight: w, bias: b)
    }
    public var weight: Tensor? { if case .parameter(let t)? = attribute("weight") { return t }; return nil }
    public var bias: Tensor? { if case .parameter(let t)? = attribute("bias") { return t }; return nil }
    public override func forward(_ input: Tensor) throws -> Tensor {
        guard let w = weight else { throw TensorError.type("linear(): argument 'weight' (position 2) must be Tensor, not NoneType") }
        return try Functional.linear(input, w, bias)
    }
    public override func extraRepr() -> String {
        "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias != nil ? "True" : "False")"
    }
}

/// `nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True)`.
public final class Conv2d: Module {
    public let inChannels: Int, outChannels: Int, groups: Int
    /// `padding` is the numeric padding ((0, 0) for 'valid' and 'same'); `paddingMode` what was given.
    public let kernelSize: (Int, Int), stride: (Int, Int), padding: (Int, Int), dilation: (Int, Int)
    public let paddingMode: ConvPadding
    public convenience init(_ inChannels: Int, _ outChannels: Int, kernelSize: (Int, Int), stride: (Int, Int) = (1, 1),
                            padding: (Int, Int) = (0, 0), dilation: (Int, Int) = (1, 1), groups: Int = 1, bias: Bool = true,
                            dtype: DType? = nil) throws {
        try self.init(inChannels, outChannels, kernelSize: kernelSize, stride: stride, paddingMode: .explicit(padding.0, padding.1),
                      dilation: dilation, groups: groups, bias: bias, dtype: dtype)
    }
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: (Int, Int), stride: (Int, Int) = (1, 1),
                paddingMode: ConvPadding, dilation: (Int, Int) = (1, 1), groups: Int = 1, bias: Bool = true,
                dtype: DType? = nil) throws {
        guard groups > 0 else { throw TensorError.value("groups must be a positive integer") }
        guard inChannels % groups == 0 else { throw TensorError.value("in_channels must be divisible by groups") }
        guard outChannels % groups == 0 else { throw TensorError.value("out_channels must be divisible by groups") }
        if paddingMode == .same && stride != (1, 1) {
            throw TensorError.value("padding='same' is not supported for strided convolutions")
        }
        self.inChannels = inChannels; self.outChannels = outChannels; self.groups = groups
        self.kernelSize = kernelSize; self.stride = stride; self.dilation = dilation
        self.paddingMode = paddingMode
        if case .explicit(let ph, let pw) = paddingMode { self.padding = (ph, pw) } else { self.padding = (0, 0) }
        super.init(typeName: "Conv2d")
        let dt = dtype ?? .defaultFloat
        let w = try Parameter.empty([outChannels, inChannels / groups, kernelSize.0, kernelSize.1], dtype: dt)
        let b = bias ? try Parameter.empty([outChannels], dtype: dt) : nil
        try registerParameter("weight", w)
        try registerParameter("bias", b)
        try Init.resetLinearLike(weight: w, bias: b)
    }
    public var weight: Tensor? { if case .parameter(let t)? = attribute("weight") { return t }; return nil }
    public var bias: Tensor? { if case .parameter(let t)? = attribute("bias") { return t }; return nil }
    public override func forward(_ input: Tensor) throws -> Tensor {
        guard let w = weight else { throw TensorError.type("conv2d() received an invalid combination of arguments") }
        return try Functional.conv2d(input, w, bias, stride: stride, padding: paddingMode, dilation: dilation, groups: groups)
    }
    public override func extraRepr() -> String {
        func t(_ p: (Int, Int)) -> String { "(\(p.0), \(p.1))" }
        var s = "\(inChannels), \(outChannels), kernel_size=\(t(kernelSize)), stride=\(t(stride))"
        switch paddingMode {
        case .explicit: if padding != (0, 0) { s += ", padding=\(t(padding))" }
        case .valid: s += ", padding=valid"
        case .same: s += ", padding=same"
        }
        if dilation != (1, 1) { s += ", dilation=\(t(dilation))" }
        if groups != 1 { s += ", groups=\(groups)" }
        if bias == nil { s += ", bias=False" }
        return s
    }
}

/// `nn.ReLU(inplace=False)`.
public final class ReLU: Module {
    public let inplace: Bool
    public init(inplace: Bool = false) { self.inplace = inplace; super.init(typeName: "ReLU") }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.relu(input, inplace: inplace) }
    public override func extraRepr() -> String { inplace ? "inplace=True" : "" }
}

/// `nn.LeakyReLU(negative_slope=0.01, inplace=False)`.
public final class LeakyReLU: Module {
    public let negativeSlope: Double, inplace: Bool
    /// The slope as written (`1` or `0.2`), shown by `repr`.
    let slopeText: String
    public init(negativeSlope: Double = 0.01, written: String? = nil, inplace: Bool = false) {
        self.negativeSlope = negativeSlope; self.inplace = inplace
        slopeText = written ?? formatPythonFloat(negativeSlope)
        super.init(typeName: "LeakyReLU")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.leakyRelu(input, negativeSlope: negativeSlope, inplace: inplace)
    }
    public override func extraRepr() -> String { "negative_slope=\(slopeText)" + (inplace ? ", inplace=True" : "") }
}

/// `nn.Sigmoid()`.
public final class Sigmoid: Module {
    public init() { super.init(typeName: "Sigmoid") }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.sigmoid() }
}

/// `nn.Tanh()`.
public final class Tanh: Module {
    public init() { super.init(typeName: "Tanh") }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.tanh() }
}

/// `nn.Softmax(dim=None)` / `nn.LogSoftmax(dim=None)`.
public final class Softmax: Module {
    public let dim: Int?
    public let log: Bool
    public init(dim: Int? = nil, log: Bool = false) {
        self.dim = dim; self.log = log
        super.init(typeName: log ? "LogSoftmax" : "Softmax")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        let d = dim ?? Functional.implicitSoftmaxDim(input.dim)
        return log ? try Functional.logSoftmax(input, dim: d) : try Functional.softmax(input, dim: d)
    }
    public override func extraRepr() -> String { "dim=\(dim.map(String.init) ?? "None")" }
}

/// `nn.Dropout(p=0.5, inplace=False)`: inverted dropout in training, identity in eval.
public final class Dropout: Module {
    public let p: Double, inplace: Bool
    /// The generator the mask is drawn from (the default one unless a test isolates itself).
    public var generator: Generator = .default
    public init(p: Double = 0.5, inplace: Bool = false) throws {
        guard p >= 0 && p <= 1 else {
            throw TensorError.value("dropout probability has to be between 0 and 1, but got \(formatPythonFloat(p))")
        }
        self.p = p; self.inplace = inplace
        super.init(typeName: "Dropout")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.dropout(input, p: p, training: training, inplace: inplace, generator: generator)
    }
    public override func extraRepr() -> String { "p=\(formatPythonFloat(p)), inplace=\(inplace ? "True" : "False")" }
}

/// `nn.Flatten(start_dim=1, end_dim=-1)`.
public final class Flatten: Module {
    public let startDim: Int, endDim: Int
    public init(startDim: Int = 1, endDim: Int = -1) {
        self.startDim = startDim; self.endDim = endDim
        super.init(typeName: "Flatten")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.flatten(startDim, endDim) }
    public override func extraRepr() -> String { "start_dim=\(startDim), end_dim=\(endDim)" }
}

/// `nn.Identity()`.
public final class Identity: Module {
    public init() { super.init(typeName: "Identity") }
    public override func forward(_ input: Tensor) throws -> Tensor { input }
}
