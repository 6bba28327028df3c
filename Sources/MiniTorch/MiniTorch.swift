// MiniTorch
