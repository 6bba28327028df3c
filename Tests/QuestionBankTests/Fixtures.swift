import Foundation
@testable import QuestionBank

/// Small question files written for these tests (not the bundled Content/), in the canonical layout that
/// `ContentFormat.render` writes, so export can be compared with them byte for byte.
enum Fixtures {
    /// A recall question with a correction and two demo blocks (continuation lines, <BLANKLINE>, a traceback).
    static let recall = """
        ---
        id: grad-accum
        topic: autograd
        tags: [pytorch, backward]
        difficulty: 2
        source: original
        kind: recall
        explain: backward
        ---
        ## 問題

        為什麼每次迭代前要把梯度清零？

        ## Question

        Why zero the gradients before every iteration?

        ## 答案

        `backward()` 會把梯度**累加**到 `.grad`，反向傳播不會覆蓋它。

        ## Answer

        `backward()` *accumulates* the gradient into `.grad`; back-propagation never overwrites it.

        ## 更正

        常見說法「`eval()` 會關掉梯度」是錯的。

        ## Correction

        The common claim that `eval()` turns gradients off is wrong.

        ## Demo

        Calling backward twice adds up:

        ```python
        >>> import torch
        >>> x = torch.ones(2, requires_grad=True)
        >>> for _ in range(2):
        ...     (x * 3).sum().backward()
        ...
        >>> x.grad
        tensor([6., 6.])
        ```

        ```python
        >>> print("a\\n\\nb")
        a
        <BLANKLINE>
        b
        >>> 1 / 0
        Traceback (most recent call last):
          File "<stdin>", line 1, in <module>
        ZeroDivisionError: division by zero
        ```

        """

    /// A choice question.
    static let choice = """
        ---
        id: dp-main-gpu
        topic: dataparallel
        tags: [pytorch, multi-gpu]
        difficulty: 1
        source: seed
        kind: choice
        ---
        ## 問題

        `nn.DataParallel` 的主GPU 是哪一張卡？

        ## Question

        Which GPU is the main one for `nn.DataParallel`?

        ## 答案

        `device_ids[0]`，模型參數必須放在那裡。

        ## Answer

        `device_ids[0]`; the parameters must live there.

        ## 選項

        - [x] `device_ids[0]`
        - [ ] 最後一張卡

        ## Choices

        - [x] `device_ids[0]`
        - [ ] the last GPU

        ## Demo

        ```python
        >>> device_ids = [0, 1, 2, 3]
        >>> device_ids[0]
        0
        ```

        """

    /// A convolution question, for searches in both languages.
    static let conv = """
        ---
        id: im2col-conv
        topic: conv
        tags: [caffe, im2col, "gemm, blocked"]
        difficulty: 3
        source: seed
        kind: recall
        ---
        ## 問題

        Caffe 如何用 im2col 把卷積變成矩陣乘法？

        ## Question

        How does Caffe turn a convolution into a matrix multiplication with im2col?

        ## 答案

        把每個感受野展開成一欄，再和卷積核矩陣相乘。

        ## Answer

        Each receptive field is unrolled into a column, then multiplied by the kernel matrix.

        ## Demo

        ```python
        >>> 2 + 2
        4
        ```

        """

    /// Writes files into a fresh temporary directory and returns it.
    static func directory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    /// A fresh in-memory bank holding the three fixtures (imported as the user's files).
    static func bank() throws -> QuestionBank {
        let bank = try QuestionBank.inMemory()
        let files = [(path: "recall.md", text: recall), (path: "choice.md", text: choice), (path: "conv.md", text: conv)]
        try bank.importQuestions(try ContentFormat.parse(files: files), contentHash: contentHash(of: files))
        return bank
    }
}
