import Testing
import Terminal
@testable import Explain

/// `explain train-eval`, snapshot of the defaults (seed 0, p = 0.5, a 4×3 batch) in both languages (prose reviewed by
/// hand). The numbers were checked against real PyTorch 2.15: the walkthrough's snippet (torch.manual_seed(0),
/// torch.randn(4, 3), nn.Dropout(p=0.5), nn.BatchNorm1d(3)) prints the same under /work/venv/bin/python as under
/// `tensorprep run` (Scripts/check_explain_snippets.sh): running_mean tensor([ 0.0527, -0.0284, -0.1029]),
/// running_var tensor([0.9637, 0.9666, 1.0007]), 5 of 12 cells dropped.
struct TrainEvalWalkthroughTests {
    func rendered(_ language: ExplainLanguage, _ configure: (inout ExplainRequest) -> Void = { _ in }) throws -> String {
        try renderedPlain("train-eval", language, configure)
    }

    @Test func englishPlain() throws {
        #expect(try rendered(.en) == EN + "\n")
    }

    @Test func chinesePlain() throws {
        #expect(try rendered(.zh) == ZH + "\n")
    }

    @Test func noDropoutAndOtherSeeds() throws {
        var r = ExplainRequest()
        r.p = 0
        let none = try Explainer.explain("train-eval", r)
        #expect(none.body.contains("  train: 0 of 12 cells zeroed (marked); each kept cell is multiplied by 1/(1−p) = 1. (inverted dropout), so the expected value stays x"))
        for seed in [1, 7, 42] as [UInt64] {
            r.p = 0.25
            r.seed = seed
            r.shape = "6x2"
            let w = try Explainer.explain("train-eval", r)
            #expect(w.body.contains("  eval: the identity (output equals x: yes); no rescaling is needed at inference because training already scaled up"))
            #expect(w.body.contains { $0.hasPrefix("  eval: normalise with running_mean and running_var instead (not updated: unchanged)") })
            #expect(w.output.suffix(2) == ["True NativeBatchNormBackward0", "False None"])
        }
    }

    @Test func badOptions() {
        var r = ExplainRequest()
        for (shape, p) in [("1x3", 0.5), ("4", 0.5), ("4x3x2", 0.5), ("4x3", 1.0), ("4x3", -0.1)] {
            r.shape = shape
            r.p = p
            #expect(throws: ExplainError.self, "\(shape) \(p)") { try Explainer.explain("train-eval", r) }
        }
        // The snippet's torch.manual_seed takes a Python int, which tensorprep keeps to 64 bits.
        var big = ExplainRequest()
        big.seed = UInt64(Int64.max) + 1
        #expect(throws: ExplainError.self) { try Explainer.explain("train-eval", big) }
    }
}

private let EN = """
    train() vs eval(): Dropout(p=0.5) and BatchNorm1d(3) on a 4×3 batch (torch.manual_seed(0); x = torch.randn(4, 3))
      train()/eval() only set the `training` flag on the module and every submodule; these two layers read it.

    1. Dropout(p=0.5)
      x                             drop(x), training=True         drop(x), training=False
         1.541  -0.2934  -2.1788       3.082 [     0.] -4.3576        1.541  -0.2934  -2.1788
        0.5684  -1.0845  -1.3986      1.1369   -2.169  -2.7972       0.5684  -1.0845  -1.3986
        0.4033    0.838  -0.7193    [     0.][     0.] -1.4385       0.4033    0.838  -0.7193
       -0.4033  -0.5966    0.182    [     0.] -1.1933 [     0.]     -0.4033  -0.5966    0.182
      train: 5 of 12 cells zeroed (marked); each kept cell is multiplied by 1/(1−p) = 2. (inverted dropout), so the expected value stays x
        e.g. x[0][0] = 1.541 → 1.541 × 2. = 3.082
      eval: the identity (output equals x: yes); no rescaling is needed at inference because training already scaled up

    2. BatchNorm1d(3), momentum=0.1, eps=1e-05
      train: normalise with this batch's mean and biased variance, then update the running averages:
        running = (1 − momentum)·running + momentum·batch statistic (running_var takes the unbiased variance)
        feature  batch mean  var (biased)  var (unbiased)  running_mean  running_var
        0        0.5274      0.4777        0.6369          0. → 0.0527   1. → 0.9637
        1        -0.2841     0.4994        0.6659          0. → -0.0284  1. → 0.9666
        2        -1.0287     0.7553        1.0071          0. → -0.1029  1. → 1.0007
      eval: normalise with running_mean and running_var instead (not updated: unchanged); each row no longer depends on the rest of the batch
        e.g. (x[0][0] − running_mean[0]) / √(running_var[0] + eps) = (1.541 − 0.0527) / √(0.9637 + 1e-05) = 1.516  (weight 1, bias 0)
      bn(x), train                  bn(x), eval
        1.4666  -0.0131  -1.3234       1.516  -0.2696  -2.0752
        0.0594  -1.1326  -0.4257      0.5253  -1.0742  -1.2953
       -0.1794   1.5879    0.356      0.3572   0.8813  -0.6162
       -1.3466  -0.4422   1.3931     -0.4646   -0.578   0.2848

    3. Gradients are governed by torch.no_grad(), not by eval()
      after bn.eval():         z = bn(x)  z.requires_grad = True   z.grad_fn = NativeBatchNormBackward0
      inside torch.no_grad():  w = bn(x)  w.requires_grad = False  w.grad_fn = None
      eval() switches layer behaviour; no_grad() stops recording the graph (saving its memory). Validation uses both.

    The same in PyTorch (`tensorprep run` prints the same):
        import torch
        import torch.nn as nn
        torch.manual_seed(0)
        x = torch.randn(4, 3)
        print(x)
        drop = nn.Dropout(p=0.5)
        print(drop(x))
        drop.eval()
        print(drop(x))
        bn = nn.BatchNorm1d(3)
        y = bn(x)
        print(y)
        print(bn.running_mean, bn.running_var)
        bn.eval()
        z = bn(x)
        print(z)
        print(z.requires_grad, z.grad_fn.name())
        with torch.no_grad():
            w = bn(x)
        print(w.requires_grad, w.grad_fn)
    It prints:
        tensor([[ 1.5410, -0.2934, -2.1788],
                [ 0.5684, -1.0845, -1.3986],
                [ 0.4033,  0.8380, -0.7193],
                [-0.4033, -0.5966,  0.1820]])
        tensor([[ 3.0820, -0.0000, -4.3576],
                [ 1.1369, -2.1690, -2.7972],
                [ 0.0000,  0.0000, -1.4385],
                [-0.0000, -1.1933,  0.0000]])
        tensor([[ 1.5410, -0.2934, -2.1788],
                [ 0.5684, -1.0845, -1.3986],
                [ 0.4033,  0.8380, -0.7193],
                [-0.4033, -0.5966,  0.1820]])
        tensor([[ 1.4666, -0.0131, -1.3234],
                [ 0.0594, -1.1326, -0.4257],
                [-0.1794,  1.5879,  0.3560],
                [-1.3466, -0.4422,  1.3931]], grad_fn=<NativeBatchNormBackward0>)
        tensor([ 0.0527, -0.0284, -0.1029]) tensor([0.9637, 0.9666, 1.0007])
        tensor([[ 1.5160, -0.2696, -2.0752],
                [ 0.5253, -1.0742, -1.2953],
                [ 0.3572,  0.8813, -0.6162],
                [-0.4646, -0.5780,  0.2848]], grad_fn=<NativeBatchNormBackward0>)
        True NativeBatchNormBackward0
        False None
    """

private let ZH = """
    train() 與 eval()：Dropout(p=0.5) 與 BatchNorm1d(3)，輸入 4×3 的 batch（torch.manual_seed(0)；x = torch.randn(4, 3)）
      train()/eval() 只是設定模組及所有子模組的 `training` 旗標；這兩種層會讀它。

    1. Dropout(p=0.5)
      x                             drop(x)，training=True         drop(x)，training=False
         1.541  -0.2934  -2.1788       3.082 [     0.] -4.3576        1.541  -0.2934  -2.1788
        0.5684  -1.0845  -1.3986      1.1369   -2.169  -2.7972       0.5684  -1.0845  -1.3986
        0.4033    0.838  -0.7193    [     0.][     0.] -1.4385       0.4033    0.838  -0.7193
       -0.4033  -0.5966    0.182    [     0.] -1.1933 [     0.]     -0.4033  -0.5966    0.182
      訓練：12 格中有 5 格被歸零（已標記）；留下的每格乘以 1/(1−p) = 2.（inverted dropout），期望值仍是 x
        例如 x[0][0] = 1.541 → 1.541 × 2. = 3.082
      評估：恆等映射（輸出等於 x：是）；訓練時已經放大過，推論時不必再縮放

    2. BatchNorm1d(3)，momentum=0.1，eps=1e-05
      訓練：用這個 batch 的均值與有偏變異數標準化，再更新累積平均：
        running = (1 − momentum)·running + momentum·batch 統計量（running_var 用無偏變異數）
        特徵  batch 均值  變異數（有偏）  變異數（無偏）  running_mean  running_var
        0     0.5274      0.4777          0.6369          0. → 0.0527   1. → 0.9637
        1     -0.2841     0.4994          0.6659          0. → -0.0284  1. → 0.9666
        2     -1.0287     0.7553          1.0071          0. → -0.1029  1. → 1.0007
      評估：改用 running_mean 與 running_var 標準化（不再更新：沒有變）；每一列不再受同 batch 其他列影響
        例如 (x[0][0] − running_mean[0]) / √(running_var[0] + eps) = (1.541 − 0.0527) / √(0.9637 + 1e-05) = 1.516（weight 1，bias 0）
      bn(x)，訓練                   bn(x)，評估
        1.4666  -0.0131  -1.3234       1.516  -0.2696  -2.0752
        0.0594  -1.1326  -0.4257      0.5253  -1.0742  -1.2953
       -0.1794   1.5879    0.356      0.3572   0.8813  -0.6162
       -1.3466  -0.4422   1.3931     -0.4646   -0.578   0.2848

    3. 梯度由 torch.no_grad() 控制，不是 eval()
      bn.eval() 之後：           z = bn(x)  z.requires_grad = True   z.grad_fn = NativeBatchNormBackward0
      在 torch.no_grad() 之內：  w = bn(x)  w.requires_grad = False  w.grad_fn = None
      eval() 切換層的行為；no_grad() 停止記錄計算圖（省下記憶體）。驗證時兩者一起用。

    等價的 PyTorch 程式（`tensorprep run` 印出相同結果）：
        import torch
        import torch.nn as nn
        torch.manual_seed(0)
        x = torch.randn(4, 3)
        print(x)
        drop = nn.Dropout(p=0.5)
        print(drop(x))
        drop.eval()
        print(drop(x))
        bn = nn.BatchNorm1d(3)
        y = bn(x)
        print(y)
        print(bn.running_mean, bn.running_var)
        bn.eval()
        z = bn(x)
        print(z)
        print(z.requires_grad, z.grad_fn.name())
        with torch.no_grad():
            w = bn(x)
        print(w.requires_grad, w.grad_fn)
    輸出：
        tensor([[ 1.5410, -0.2934, -2.1788],
                [ 0.5684, -1.0845, -1.3986],
                [ 0.4033,  0.8380, -0.7193],
                [-0.4033, -0.5966,  0.1820]])
        tensor([[ 3.0820, -0.0000, -4.3576],
                [ 1.1369, -2.1690, -2.7972],
                [ 0.0000,  0.0000, -1.4385],
                [-0.0000, -1.1933,  0.0000]])
        tensor([[ 1.5410, -0.2934, -2.1788],
                [ 0.5684, -1.0845, -1.3986],
                [ 0.4033,  0.8380, -0.7193],
                [-0.4033, -0.5966,  0.1820]])
        tensor([[ 1.4666, -0.0131, -1.3234],
                [ 0.0594, -1.1326, -0.4257],
                [-0.1794,  1.5879,  0.3560],
                [-1.3466, -0.4422,  1.3931]], grad_fn=<NativeBatchNormBackward0>)
        tensor([ 0.0527, -0.0284, -0.1029]) tensor([0.9637, 0.9666, 1.0007])
        tensor([[ 1.5160, -0.2696, -2.0752],
                [ 0.5253, -1.0742, -1.2953],
                [ 0.3572,  0.8813, -0.6162],
                [-0.4646, -0.5780,  0.2848]], grad_fn=<NativeBatchNormBackward0>)
        True NativeBatchNormBackward0
        False None
    """
