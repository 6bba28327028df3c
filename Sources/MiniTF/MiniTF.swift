// MiniTF
