import Testing
import Terminal
@testable import Explain

/// `explain tensor-vs-Tensor`, snapshot of the default input [1, 2, 3] in both languages (prose reviewed by hand).
/// The dtypes and values were checked against real PyTorch 2.15 / numpy: the walkthrough's snippet prints the same
/// under /work/venv/bin/python as under `tensorprep run` (Scripts/check_explain_snippets.sh), e.g.
/// `torch.from_numpy(np.array([1.5, 2.]))` is float64 and sees `a[0] = 100.0`, `torch.Tensor(np.array([True, False]))`
/// is tensor([1., 0.]).
struct TensorVsTensorWalkthroughTests {
    func rendered(_ language: ExplainLanguage, _ configure: (inout ExplainRequest) -> Void = { _ in }) throws -> String {
        try renderedPlain("tensor-vs-Tensor", language, configure)
    }

    @Test func englishPlain() throws {
        #expect(try rendered(.en) == EN + "\n")
    }

    @Test func chinesePlain() throws {
        #expect(try rendered(.zh) == ZH + "\n")
    }

    @Test func floatDataKeepsNumpysFloat64() throws {
        let w = try Explainer.explain("tensor-vs-Tensor", { var r = ExplainRequest(); r.input = "[1.5, 2]"; return r }())
        #expect(w.body.contains("  torch.tensor(data)     [1.5, 2.]  torch.float32  infers the dtype from the data: a float among the data → the default float dtype"))
        #expect(w.body.contains("2. From a numpy array a = np.array(data), dtype float64 (numpy's default float is float64, not float32):"))
        #expect(w.body.contains("  torch.from_numpy(a)  [100., 2.]  changed: it is a's memory"))
        #expect(w.output.contains("float64 torch.float64 torch.float64 torch.float64 torch.float32"))
    }

    @Test func boolAndTwoDimensionalData() throws {
        let b = try Explainer.explain("tensor-vs-Tensor", { var r = ExplainRequest(); r.input = "[True, False]"; return r }())
        #expect(b.body.contains("3. a[0] = False writes into the array's memory. Read every tensor again:"))
        #expect(b.output.contains("tensor([1., 0.])"))
        let m = try Explainer.explain("tensor-vs-Tensor", { var r = ExplainRequest(); r.input = "[[1, 2], [3, 4]]"; return r }())
        #expect(m.body.contains("  a = [[100 100] [  3   4]]"))
        #expect(m.body.contains("  torch.tensor(a)      [[1, 2], [3, 4]]      unchanged: its own copy"))
    }

    @Test func badInputs() {
        for input in ["[]", "3", "[1, [2]]", "[1, 2", String(repeating: "1,", count: 30)] {
            #expect(throws: ExplainError.self, "\(input)") {
                try Explainer.explain("tensor-vs-Tensor", { var r = ExplainRequest(); r.input = input; return r }())
            }
        }
    }
}

private let EN = """
    torch.tensor vs torch.Tensor (and torch.as_tensor, torch.from_numpy) on data = [1, 2, 3]

    1. From the Python list: each constructor's result, made by the engine
      torch.tensor(data)     [1, 2, 3]     torch.int64    infers the dtype from the data: all integers → int64
      torch.Tensor(data)     [1., 2., 3.]  torch.float32  the legacy constructor of the default tensor type (torch.FloatTensor): always float32
      torch.as_tensor(data)  [1, 2, 3]     torch.int64    a list has no memory to share: a new tensor, inferred like torch.tensor
      torch.tensor's rule: all integers → int64; any float → float32 (the default dtype); all bools → bool.

    2. From a numpy array a = np.array(data), dtype int64 (numpy infers int64 like torch.tensor):
      torch.from_numpy(a)  torch.int64    shares a's memory  always shares; keeps numpy's dtype
      torch.as_tensor(a)   torch.int64    shares a's memory  shares when dtype and device already match (they do here)
      torch.tensor(a)      torch.int64    copy               always copies; keeps a's dtype
      torch.Tensor(a)      torch.float32  copy               copies, converting to float32

    3. a[0] = 100 writes into the array's memory. Read every tensor again:
      a = [100   2   3]
      torch.from_numpy(a)  [100, 2, 3]   changed: it is a's memory
      torch.as_tensor(a)   [100, 2, 3]   changed: it is a's memory
      torch.tensor(a)      [1, 2, 3]     unchanged: its own copy
      torch.Tensor(a)      [1., 2., 3.]  unchanged: its own copy
      Sharing works both ways: an in-place op on torch.from_numpy(a) changes a as well.

    4. One integer: torch.Tensor(3) vs torch.tensor(3)
      torch.Tensor(3)  shape torch.Size([3])  dim 1  torch.float32  the integer is a size: 3 uninitialised elements
      torch.tensor(3)  tensor(3)              dim 0  torch.int64    the integer is the data: a 0-d tensor
      Prefer torch.tensor(data) for data, torch.zeros/empty(size) for sizes; torch.Tensor is the legacy spelling of both.

    The same in PyTorch (`tensorprep run` prints the same):
        import numpy as np
        import torch
        data = [1, 2, 3]
        print(torch.tensor(data).dtype, torch.Tensor(data).dtype, torch.as_tensor(data).dtype)
        a = np.array(data)
        t_from = torch.from_numpy(a)
        t_as = torch.as_tensor(a)
        t_copy = torch.tensor(a)
        t_legacy = torch.Tensor(a)
        print(a.dtype, t_from.dtype, t_as.dtype, t_copy.dtype, t_legacy.dtype)
        a[0] = 100
        print(t_from)
        print(t_as)
        print(t_copy)
        print(t_legacy)
        print(torch.Tensor(3).shape, torch.tensor(3), torch.tensor(3).dim())
    It prints:
        torch.int64 torch.float32 torch.int64
        int64 torch.int64 torch.int64 torch.int64 torch.float32
        tensor([100,   2,   3])
        tensor([100,   2,   3])
        tensor([1, 2, 3])
        tensor([1., 2., 3.])
        torch.Size([3]) tensor(3) 0
    """

private let ZH = """
    torch.tensor 與 torch.Tensor（以及 torch.as_tensor、torch.from_numpy），data = [1, 2, 3]

    1. 從 Python list 建立：引擎實際產生的結果
      torch.tensor(data)     [1, 2, 3]     torch.int64    從資料推斷 dtype：全是整數 → int64
      torch.Tensor(data)     [1., 2., 3.]  torch.float32  預設張量型別（torch.FloatTensor）的舊式建構子：一律 float32
      torch.as_tensor(data)  [1, 2, 3]     torch.int64    list 沒有可共用的記憶體：建立新張量，dtype 推斷同 torch.tensor
      torch.tensor 的規則：全是整數 → int64；有浮點數 → float32（預設 dtype）；全是布林 → bool。

    2. 從 numpy 陣列 a = np.array(data) 建立，dtype int64（numpy 推斷為 int64，與 torch.tensor 相同）：
      torch.from_numpy(a)  torch.int64    與 a 共用記憶體  一定共用；保留 numpy 的 dtype
      torch.as_tensor(a)   torch.int64    與 a 共用記憶體  dtype 與裝置都相符時共用（此處相符）
      torch.tensor(a)      torch.int64    複製             一定複製；保留 a 的 dtype
      torch.Tensor(a)      torch.float32  複製             複製並轉成 float32

    3. a[0] = 100 直接寫入陣列的記憶體。重新讀取每個張量：
      a = [100   2   3]
      torch.from_numpy(a)  [100, 2, 3]   改變了：它就是 a 的記憶體
      torch.as_tensor(a)   [100, 2, 3]   改變了：它就是 a 的記憶體
      torch.tensor(a)      [1, 2, 3]     沒變：它有自己的副本
      torch.Tensor(a)      [1., 2., 3.]  沒變：它有自己的副本
      共用是雙向的：對 torch.from_numpy(a) 做原地運算，a 也會跟著變。

    4. 只給一個整數：torch.Tensor(3) 與 torch.tensor(3)
      torch.Tensor(3)  shape torch.Size([3])  dim 1  torch.float32  整數是形狀：3 個未初始化的元素
      torch.tensor(3)  tensor(3)              dim 0  torch.int64    整數是資料：0 維張量
      資料用 torch.tensor(data)，形狀用 torch.zeros/empty(size)；torch.Tensor 是兩者的舊式寫法。

    等價的 PyTorch 程式（`tensorprep run` 印出相同結果）：
        import numpy as np
        import torch
        data = [1, 2, 3]
        print(torch.tensor(data).dtype, torch.Tensor(data).dtype, torch.as_tensor(data).dtype)
        a = np.array(data)
        t_from = torch.from_numpy(a)
        t_as = torch.as_tensor(a)
        t_copy = torch.tensor(a)
        t_legacy = torch.Tensor(a)
        print(a.dtype, t_from.dtype, t_as.dtype, t_copy.dtype, t_legacy.dtype)
        a[0] = 100
        print(t_from)
        print(t_as)
        print(t_copy)
        print(t_legacy)
        print(torch.Tensor(3).shape, torch.tensor(3), torch.tensor(3).dim())
    輸出：
        torch.int64 torch.float32 torch.int64
        int64 torch.int64 torch.int64 torch.int64 torch.float32
        tensor([100,   2,   3])
        tensor([100,   2,   3])
        tensor([1, 2, 3])
        tensor([1., 2., 3.])
        torch.Size([3]) tensor(3) 0
    """
