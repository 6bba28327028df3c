import Foundation

/// PyTorch's Box–Muller over 16 values (8 pairs): `data[j]` and `data[j + 8]` are uniforms in, normals out.
/// float32 follows the AVX2 kernel PyTorch dispatches to on x86 (`normal_stub` is never built for AVX-512),
/// whose log/sin/cos are the Cephes polynomials of avx_mathfun.h — ported lane by lane here, with the
/// multiply-adds GCC fuses (it compiles those kernels with `-mfma` and contraction on) fused the same way.
/// float64 uses the scalar template with libm's log/cos/sin.
enum NormalFill16 {
    static func float(_ data: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
        let twoPi = Float(2.0 * Double.pi)
        for j in 0..<8 {
            let u1 = 1 - data[j]
            let u2 = data[j + 8]
            let radius = (-2 * AVXMath.log(u1)).squareRoot()
            let theta = twoPi * u2
            let (s, c) = AVXMath.sincos(theta)
            data[j] = mean.addingProduct(radius * c, std)
            data[j + 8] = mean.addingProduct(radius * s, std)
        }
    }

    static func double(_ data: UnsafeMutablePointer<Double>, mean: Double, std: Double) {
        let twoPi = 2.0 * Double.pi
        for j in 0..<8 {
            let u1 = 1 - data[j]
            let u2 = data[j + 8]
            let radius = (-2 * Foundation.log(u1)).squareRoot()
            let theta = twoPi * u2
            data[j] = mean.addingProduct(radius * Foundation.cos(theta), std)
            data[j + 8] = mean.addingProduct(radius * Foundation.sin(theta), std)
        }
    }
}

/// Scalar ports of `log256_ps` and `sincos256_ps` (avx_mathfun.h, after Julien Pommier's sse_mathfun).
enum AVXMath {
    /// Bit set = that multiply-add is fused. All fused is what matched PyTorch bit for bit (checked against
    /// recorded randn(1000) and other variants); the unfused alternatives stay for documentation.
    static let fuse: UInt32 = 0xffff_ffff

    @inline(__always)
    static func madd(_ a: Float, _ b: Float, _ c: Float, _ bit: UInt32) -> Float {
        (fuse & (1 << bit)) != 0 ? c.addingProduct(a, b) : a * b + c
    }

    static func log(_ input: Float) -> Float {
        let invalid = input <= 0
        var x = Swift.max(input, Float(bitPattern: 0x0080_0000))
        var imm0 = Int32(bitPattern: x.bitPattern >> 23)
        x = Float(bitPattern: (x.bitPattern & ~UInt32(0x7f80_0000)) | Float(0.5).bitPattern)
        imm0 -= 0x7f
        var e = Float(imm0)
        e = e + 1
        let mask = x < Float(0.707106781186547524)
        let tmp: Float = mask ? x : 0
        x = x - 1
        e = e - (mask ? 1 : 0)
        x = x + tmp
        let z = x * x
        var y: Float = 7.0376836292E-2
        y = madd(y, x, -1.1514610310E-1, 0)
        y = madd(y, x, 1.1676998740E-1, 0)
        y = madd(y, x, -1.2420140846E-1, 0)
        y = madd(y, x, 1.4249322787E-1, 0)
        y = madd(y, x, -1.6668057665E-1, 0)
        y = madd(y, x, 2.0000714765E-1, 0)
        y = madd(y, x, -2.4999993993E-1, 0)
        y = madd(y, x, 3.3333331174E-1, 0)
        y = y * x
        // y = y*z + e*q1
        if (fuse & (1 << 1)) != 0 {
            y = (e * -2.12194440e-4).addingProduct(y, z)
        } else if (fuse & (1 << 2)) != 0 {
            y = (y * z).addingProduct(e, -2.12194440e-4)
        } else {
            y = y * z + e * -2.12194440e-4
        }
        // y = y - z*0.5
        y = (fuse & (1 << 3)) != 0 ? y.addingProduct(-z, 0.5) : y - z * 0.5
        // x = (x + y) + e*q2
        x = x + y
        x = madd(e, 0.693359375, x, 4)
        return invalid ? .nan : x
    }

    static func sincos(_ input: Float) -> (sin: Float, cos: Float) {
        var x = Swift.abs(input)
        var signSin = input.sign == .minus
        var y = x * Float(1.27323954473516)
        var imm2 = Int32(y) // cvttps: truncation; inputs are small
        imm2 = (imm2 &+ 1) & ~1
        y = Float(imm2)
        let imm4 = imm2
        let swapSin = (imm2 & 4) != 0
        let polyMask = (imm2 & 2) == 0
        x = madd(y, -0.78515625, x, 5)
        x = madd(y, -2.4187564849853515625e-4, x, 5)
        x = madd(y, -3.77489497744594108e-8, x, 5)
        let signCos = ((~(imm4 &- 2)) & 4) != 0
        if swapSin { signSin.toggle() }

        let z = x * x
        var c: Float = 2.443315711809948E-005
        c = madd(c, z, -1.388731625493765E-003, 6)
        c = madd(c, z, 4.166664568298827E-002, 6)
        c = c * z
        // c = c*z - z*0.5
        if (fuse & (1 << 7)) != 0 {
            c = (-(z * 0.5)).addingProduct(c, z)
        } else if (fuse & (1 << 8)) != 0 {
            c = (c * z).addingProduct(-z, 0.5)
        } else {
            c = c * z - z * 0.5
        }
        c = c + 1

        var s: Float = -1.9515295891E-4
        s = madd(s, z, 8.3321608736E-3, 9)
        s = madd(s, z, -1.6666654611E-1, 9)
        s = s * z
        s = madd(s, x, x, 10)

        // select: sin takes the sine polynomial where polyMask, cos the other
        let ysin2: Float = polyMask ? s : 0
        let ysin1: Float = polyMask ? 0 : c
        let y2 = s - ysin2
        let y1 = c - ysin1
        var sinV = ysin1 + ysin2
        var cosV = y1 + y2
        if signSin { sinV = Float(bitPattern: sinV.bitPattern ^ 0x8000_0000) }
        if signCos { cosV = Float(bitPattern: cosV.bitPattern ^ 0x8000_0000) }
        return (sinV, cosV)
    }
}
