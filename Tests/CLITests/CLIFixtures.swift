/// Question files written for the CLI tests (not the bundled Content/).
enum CLIFixtures {
    static let backward = """
        ---
        id: grad-accum
        topic: autograd
        tags: [pytorch, backward]
        difficulty: 2
        source: original
        kind: recall
        ---
        ## 問題

        為什麼每次迭代前要把梯度清零？

        ## Question

        Why zero the gradients before every iteration?

        ## 答案

        `backward()` 會把梯度累加到 `.grad`。

        ## Answer

        `backward()` accumulates the gradient into `.grad`.

        ## 更正

        `eval()` 不會關掉梯度；`torch.no_grad()` 才會。

        ## Correction

        `eval()` does not turn gradients off; `torch.no_grad()` does.

        ## Demo

        Twice is double:

        ```python
        >>> import torch
        >>> x = torch.ones(2, requires_grad=True)
        >>> (x * 3).sum().backward()
        >>> x.grad
        tensor([3., 3.])
        ```

        """

    static let choice = """
        ---
        id: dp-main-gpu
        topic: dataparallel
        tags: [pytorch, multi-gpu]
        difficulty: 1
        source: seed
        kind: choice
        explain: dataparallel --gpus 4
        ---
        ## 問題

        `nn.DataParallel` 的主GPU 是哪一張卡？

        ## Question

        Which GPU is the main one for `nn.DataParallel`?

        ## 答案

        `device_ids[0]`。

        ## Answer

        `device_ids[0]`.

        ## 選項

        - [ ] 最後一張卡
        - [x] `device_ids[0]`

        ## Choices

        - [ ] the last GPU
        - [x] `device_ids[0]`

        ## Demo

        ```python
        >>> [0, 1, 2, 3][0]
        0
        ```

        """
}
