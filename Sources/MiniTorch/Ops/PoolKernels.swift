import Foundation

/// max_pool2d / avg_pool2d kernels over contiguous planes ([N·C, H, W]), with PyTorch's output-size rule.
public enum PoolKernels {
    /// `pooling_output_shape`: floor or ceil mode; in ceil mode the last window must start inside the
    /// input or the left padding.
    public static func outputSize(_ n: Int, kernel k: Int, stride s: Int, padding p: Int, dilation d: Int = 1,
                                  ceilMode: Bool) -> Int {
        let span = n + 2 * p - d * (k - 1) - 1 + (ceilMode ? s - 1 : 0)
        var out = (span >= 0 ? span / s : -((-span + s - 1) / s)) + 1
        if ceilMode && (out - 1) * s >= n + p { out -= 1 }
        return out
    }

    /// Max over each window; `indices` receives the flat index y·W + x of the chosen input element
    /// (the first maximum in scan order; a NaN wins, as in PyTorch). Planes are independent.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func maxPool2d<T: BinaryFloatingPoint>(_ input: UnsafePointer<T>, planes: Int, height: Int, width: Int,
                                                         window w: Window2D, outHeight oh: Int, outWidth ow: Int,
                                                         output: UnsafeMutablePointer<T>, indices: UnsafeMutablePointer<Int64>) {
        for pl in 0..<planes {
            let src = input + pl * height * width
            let dst = output + pl * oh * ow
            let idx = indices + pl * oh * ow
            for oy in 0..<oh {
                let y0 = oy * w.stride.h - w.padding.h
                for ox in 0..<ow {
                    let x0 = ox * w.stride.w - w.padding.w
                    // As PyTorch's CPU kernel: start at -inf with the first in-window index; a larger value
                    // or any NaN takes over.
                    var best = -T.infinity
                    var bestIndex = -1
                    for ki in 0..<w.kernel.h {
                        let y = y0 + ki * w.dilation.h
                        if y < 0 || y >= height { continue }
                        for kj in 0..<w.kernel.w {
                            let x = x0 + kj * w.dilation.w
                            if x < 0 || x >= width { continue }
                            let v = src[y * width + x]
                            if bestIndex < 0 { bestIndex = y * width + x }
                            if v > best || v.isNaN {
                                best = v
                                bestIndex = y * width + x
                            }
                        }
                    }
                    dst[oy * ow + ox] = best
                    idx[oy * ow + ox] = Int64(bestIndex)
                }
            }
        }
    }

    /// Backward of max_pool2d: routes each output gradient to its recorded input index (adds into `gradInput`).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func maxPool2dBackward<T: BinaryFloatingPoint>(_ gradOutput: UnsafePointer<T>, indices: UnsafePointer<Int64>,
                                                                 planes: Int, height: Int, width: Int, outCount: Int,
                                                                 gradInput: UnsafeMutablePointer<T>) {
        for pl in 0..<planes {
            let g = gradInput + pl * height * width
            for i in 0..<outCount {
                let j = Int(indices[pl * outCount + i])
                if j >= 0 { g[j] += gradOutput[pl * outCount + i] }
            }
        }
    }

    /// Average over each window. With `countIncludePad` the divisor counts padding cells inside the padded
    /// input (PyTorch's default); `divisorOverride` replaces it.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func avgPool2d<T: BinaryFloatingPoint>(_ input: UnsafePointer<T>, planes: Int, height: Int, width: Int,
                                                         window w: Window2D, outHeight oh: Int, outWidth ow: Int,
                                                         countIncludePad: Bool = true, divisorOverride: Int? = nil,
                                                         output: UnsafeMutablePointer<T>) {
        for pl in 0..<planes {
            let src = input + pl * height * width
            let dst = output + pl * oh * ow
            for oy in 0..<oh {
                for ox in 0..<ow {
                    let (ys, ye, xs, xe, divisor) = avgBounds(oy, ox, height, width, w, countIncludePad, divisorOverride)
                    var acc: T = 0
                    if ys < ye && xs < xe {
                        for y in ys..<ye { for x in xs..<xe { acc += src[y * width + x] } }
                    }
                    dst[oy * ow + ox] = acc / T(divisor)
                }
            }
        }
    }

    /// Backward of avg_pool2d: spreads each output gradient evenly over its window (adds into `gradInput`).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func avgPool2dBackward<T: BinaryFloatingPoint>(_ gradOutput: UnsafePointer<T>, planes: Int, height: Int, width: Int,
                                                                 window w: Window2D, outHeight oh: Int, outWidth ow: Int,
                                                                 countIncludePad: Bool = true, divisorOverride: Int? = nil,
                                                                 gradInput: UnsafeMutablePointer<T>) {
        for pl in 0..<planes {
            let g = gradInput + pl * height * width
            let go = gradOutput + pl * oh * ow
            for oy in 0..<oh {
                for ox in 0..<ow {
                    let (ys, ye, xs, xe, divisor) = avgBounds(oy, ox, height, width, w, countIncludePad, divisorOverride)
                    let share = go[oy * ow + ox] / T(divisor)
                    if ys < ye && xs < xe {
                        for y in ys..<ye { for x in xs..<xe { g[y * width + x] += share } }
                    }
                }
            }
        }
    }

    @inline(__always)
    static func avgBounds(_ oy: Int, _ ox: Int, _ height: Int, _ width: Int, _ w: Window2D, _ countIncludePad: Bool,
                          _ divisorOverride: Int?) -> (Int, Int, Int, Int, Int) {
        var ys = oy * w.stride.h - w.padding.h
        var xs = ox * w.stride.w - w.padding.w
        var ye = Swift.min(ys + w.kernel.h, height + w.padding.h)
        var xe = Swift.min(xs + w.kernel.w, width + w.padding.w)
        let poolSize = (ye - ys) * (xe - xs)
        ys = Swift.max(ys, 0); xs = Swift.max(xs, 0)
        ye = Swift.min(ye, height); xe = Swift.min(xe, width)
        let divisor = divisorOverride ?? (countIncludePad ? poolSize : (ye - ys) * (xe - xs))
        return (ys, ye, xs, xe, Swift.max(divisor, 1))
    }
}
