import Testing
import Terminal
@testable import Explain

/// Snapshot tests of the index walkthroughs. The tensor values in them were checked against real PyTorch 2.15:
///   torch.gather(torch.tensor([[1,2,3],[4,5,6]]), 1, torch.tensor([[0,0],[1,0]]))  -> tensor([[1, 1], [5, 4]])
///   torch.zeros(2,3,dtype=torch.long).scatter_add_(1, torch.tensor([[0,1,0],[2,2,1]]), torch.tensor([[1,2,3],[4,5,6]]))
///                                                                                   -> tensor([[4, 2, 0], [0, 6, 9]])
/// The prose is the walkthrough's own (reviewed by hand when the snapshot was taken).
struct IndexWalkthroughTests {
    func request(_ configure: (inout ExplainRequest) -> Void) -> ExplainRequest {
        var r = ExplainRequest()
        configure(&r)
        return r
    }

    var gatherRequest: ExplainRequest {
        request { $0.dim = 1; $0.input = "[[1,2,3],[4,5,6]]"; $0.index = "[[0,0],[1,0]]" }
    }

    @Test func gatherDim1EnglishPlain() throws {
        let w = try Explainer.explain("gather", gatherRequest)
        #expect(w.rendered(language: .en, style: Style(enabled: false)) == GATHER + "\n")
    }

    @Test func gatherDim1Chinese() throws {
        var r = gatherRequest
        r.language = .zh
        let w = try Explainer.explain("gather", r)
        #expect(w.rendered(language: .zh, style: Style(enabled: false)) == GATHERZH + "\n")
    }

    /// Colour carries the same facts as the brackets: stripping the escapes from the coloured text and the
    /// brackets from the plain text gives the same characters, and every line keeps its visible width.
    @Test func colourAndBracketsCarryTheSameCells() throws {
        let plain = try Explainer.explain("gather", gatherRequest).rendered(language: .en, style: Style(enabled: false))
        var colourRequest = gatherRequest
        colourRequest.style = Style(enabled: true)
        let coloured = try Explainer.explain("gather", colourRequest).rendered(language: .en, style: Style(enabled: true))
        #expect(coloured.contains("\u{1B}[1;33m"))
        let stripped = coloured.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = ""
            var escape = false
            for ch in line {
                if escape { if ch == "m" { escape = false }; continue }
                if ch == "\u{1B}" { escape = true; continue }
                out.append(ch)
            }
            return out
        }
        let plainLines = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(stripped.count == plainLines.count)
        func squeeze(_ s: String) -> String { s.filter { !"[] ".contains($0) } }
        for (a, b) in zip(stripped, plainLines) {
            #expect(squeeze(a) == squeeze(b))
        }
        // The highlighted cells are exactly the bracketed ones: input[0][0], index[0][1] and out[0][1].
        #expect(plainLines.contains("[1] 2  3     0 [0]     1 [1]"))
    }

    @Test func scatterAddListsCollisions() throws {
        let r = request { $0.dim = 1; $0.index = "[[0,1,0],[2,2,1]]"; $0.src = "[[1,2,3],[4,5,6]]" }
        let w = try Explainer.explain("scatter_add", r)
        #expect(w.rendered(language: .en, style: Style(enabled: false)) == SCATTERADD + "\n")
    }

    @Test func snippetReproducesTheWalkthrough() throws {
        let w = try Explainer.explain("gather", gatherRequest)
        #expect(w.snippetSource == """
            import torch
            input = torch.tensor([[1, 2, 3], [4, 5, 6]])
            index = torch.tensor([[0, 0], [1, 0]])
            out = torch.gather(input, 1, index)
            print(out)

            """)
    }

    /// Negative dims mean the same as PyTorch's; the formula names the normalised dim.
    @Test func negativeDim() throws {
        let r = request { $0.dim = -1; $0.input = "[[1,2,3],[4,5,6]]"; $0.index = "[[0,0],[1,0]]" }
        let w = try Explainer.explain("gather", r)
        #expect(w.body.contains("  out[i][j] = input[i][index[i][j]]"))
    }

    /// Seed formulas for 3-D tensors (the notes' Q2) are listed for every dim.
    @Test func threeDimensionalFormulas() throws {
        let r = request { $0.dim = 0; $0.shape = "2x2x2" }
        let w = try Explainer.explain("scatter", r)
        #expect(w.body.contains("    self[index[i][j][k]][j][k] = src[i][j][k]  # dim = 0"))
        #expect(w.body.contains("    self[i][index[i][j][k]][k] = src[i][j][k]  # dim = 1"))
        #expect(w.body.contains("    self[i][j][index[i][j][k]] = src[i][j][k]  # dim = 2"))
    }

    /// Mistakes in the options get PyTorch's message for the same mistake, as usage errors.
    @Test func optionErrors() {
        func message(_ op: String, _ r: ExplainRequest) -> (ExplainError.Kind, String)? {
            do { _ = try Explainer.explain(op, r); return nil } catch let e as ExplainError { return (e.kind, e.message) } catch { return nil }
        }
        let outOfBounds = message("gather", request { $0.dim = 1; $0.input = "[[1,2],[3,4]]"; $0.index = "[[0,5]]" })
        #expect(outOfBounds?.0 == .usage)
        #expect(outOfBounds?.1 == "RuntimeError: index 5 is out of bounds for dimension 1 with size 2")
        let badDim = message("gather", request { $0.dim = 3; $0.input = "[[1,2],[3,4]]" })
        #expect(badDim?.1 == "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 3)")
        let ragged = message("gather", request { $0.input = "[[1,2],[3]]" })
        #expect(ragged?.1 == "ValueError: expected sequence of length 2 at dim 1 (got 1)")
        let typo = message("gather", request { $0.input = "[[1,2],[3,x]]" })
        #expect(typo?.1 == "--input '[[1,2],[3,x]]': 'x' is not a number at column 11")
        #expect(message("gatherr", ExplainRequest())?.0 == .usage)
        #expect(message("variable-scope", ExplainRequest()) == nil)  // every walkthrough of SPEC §6 is available now
        let badShape = message("gather", request { $0.shape = "2x0" })
        #expect(badShape?.0 == .usage)
    }

    @Test func literalParser() throws {
        #expect(try TensorLiteral.parse(" [ [1, 2,], [3 ,4] ] ").description == "[[1, 2], [3, 4]]")
        #expect(try TensorLiteral.parse("[1.5, -2e-3, True]").description == "[1.5, -0.002, True]")
        #expect(throws: TensorLiteral.ParseError.self) { try TensorLiteral.parse("[1, 2") }
        #expect(throws: TensorLiteral.ParseError.self) { try TensorLiteral.parse(String(repeating: "[", count: 100)) }
    }
}

let GATHER = """
torch.gather(input, dim=1, index)  rank 2, dim 1

Formula (the index entry replaces coordinate 1; every other coordinate is copied):
  out[i][j] = input[i][index[i][j]]

input (2×3)    index (2×2)    out (2×2)
 1  2  3        0  0           1  1
 4  5  6        1  0           5  4

Where each output cell comes from:
  out[0][0] = input[0][index[0][0]] = input[0][0] = 1
  out[0][1] = input[0][index[0][1]] = input[0][0] = 1
  out[1][0] = input[1][index[1][0]] = input[1][1] = 5
  out[1][1] = input[1][index[1][1]] = input[1][0] = 4

For example out[0][1] (highlighted): index[0][1] = 0 picks row 0 of dim 1:
input       index     out
[1] 2  3     0 [0]     1 [1]
 4  5  6     1  0      5  4

What PyTorch checks:
  index.dim() == input.dim()  (2 == 2); index must be int64
  index.size(d) <= input.size(d) for every d != 1
  0 <= index < input.size(1) = 3;  out.shape == index.shape = torch.Size([2, 2])

The same in PyTorch (`tensorprep run` prints the same):
    import torch
    input = torch.tensor([[1, 2, 3], [4, 5, 6]])
    index = torch.tensor([[0, 0], [1, 0]])
    out = torch.gather(input, 1, index)
    print(out)
"""

let GATHERZH = """
torch.gather(input, dim=1, index)  2 維，dim = 1

公式（index 的值取代第 1 維的座標，其餘座標照抄）：
  out[i][j] = input[i][index[i][j]]

input (2×3)    index (2×2)    out (2×2)
 1  2  3        0  0           1  1
 4  5  6        1  0           5  4

每個輸出格子的來源：
  out[0][0] = input[0][index[0][0]] = input[0][0] = 1
  out[0][1] = input[0][index[0][1]] = input[0][0] = 1
  out[1][0] = input[1][index[1][0]] = input[1][1] = 5
  out[1][1] = input[1][index[1][1]] = input[1][0] = 4

例如 out[0][1]（標記處）：index[0][1] = 0，即第 1 維取 0：
input       index     out
[1] 2  3     0 [0]     1 [1]
 4  5  6     1  0      5  4

PyTorch 的檢查：
  index.dim() == input.dim()（2 == 2）；index 必須是 int64
  除了第 1 維，每一維 index.size(d) <= input.size(d)
  0 <= index < input.size(1) = 3；out.shape == index.shape = torch.Size([2, 2])

等價的 PyTorch 程式（`tensorprep run` 印出相同結果）：
    import torch
    input = torch.tensor([[1, 2, 3], [4, 5, 6]])
    index = torch.tensor([[0, 0], [1, 0]])
    out = torch.gather(input, 1, index)
    print(out)
"""

let SCATTERADD = """
self.scatter_add_(dim=1, index, src)  rank 2, dim 1

Formula (the reverse of gather: src's cells are added into the cell the index names along dim 1):
  self[i][index[i][j]] += src[i][j]

self before (2×3)    index (2×3)    src (2×3)    self after
 0  0  0              0  1  0        1  2  3     [4][2] 0
 0  0  0              2  2  1        4  5  6      0 [6][9]
  (written cells are highlighted; the rest keep their values)

Every write, in memory order of index:
  self[0][index[0][0]] = self[0][0] += src[0][0] = 1
  self[0][index[0][1]] = self[0][1] += src[0][1] = 2
  self[0][index[0][2]] = self[0][0] += src[0][2] = 3
  self[1][index[1][0]] = self[1][2] += src[1][0] = 4
  self[1][index[1][1]] = self[1][2] += src[1][1] = 5
  self[1][index[1][2]] = self[1][1] += src[1][2] = 6

Cells written more than once:
  self[0][0] = 0 + src[0][0] + src[0][2] = 4
  self[1][2] = 0 + src[1][0] + src[1][1] = 9

What PyTorch checks:
  index, src and self have the same number of dims; index is int64; self.dtype == src.dtype
  index.size(d) <= src.size(d) for every d, and <= self.size(d) for every d != 1
  0 <= index < self.size(1) = 3; only index's shape of src is read

The same in PyTorch (`tensorprep run` prints the same):
    import torch
    x = torch.tensor([[0, 0, 0], [0, 0, 0]])
    index = torch.tensor([[0, 1, 0], [2, 2, 1]])
    src = torch.tensor([[1, 2, 3], [4, 5, 6]])
    x.scatter_add_(1, index, src)
    print(x)
"""
