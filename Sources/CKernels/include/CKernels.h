#ifndef CKERNELS_H
#define CKERNELS_H

/// GEMM micro-kernels written in C with x86 intrinsics, chosen at run time by what the CPU supports, so one
/// portable binary uses AVX-512 where it exists (the Swift compiler cannot target it per function).
/// Each kernel computes C[0..<rows, 0..<cols] (+)= Apanel · Bpanel over `kc`, where the packed A sliver holds
/// MR values per k and the packed B sliver NR values per k (MatrixRef packing in LinalgGEMM.swift).
/// Rows >= `rows` and columns >= `cols` of C are not touched; `accumulate` adds to C instead of overwriting it.

/// No C kernel: use the Swift micro-kernels (non-x86 machines, x86 without AVX2 + FMA).
#define CK_ISA_NONE 0
/// AVX2 + FMA, 256-bit vectors: float 6×16, double 6×8.
#define CK_ISA_AVX2 1
/// AVX-512F, 512-bit vectors: float 8×32, double 8×16.
#define CK_ISA_AVX512 2

/// The best kernel family this CPU and OS support (checked once; `TENSORPREP_GEMM_ISA=none|avx2|avx512`
/// caps it, for testing the other paths).
int ck_gemm_isa(void);

/// Register-tile sizes of a family (0 for CK_ISA_NONE).
int ck_sgemm_mr(int isa);
int ck_sgemm_nr(int isa);
int ck_dgemm_mr(int isa);
int ck_dgemm_nr(int isa);

/// The float32 / float64 micro-kernel of family `isa` (CK_ISA_AVX2 or CK_ISA_AVX512; others do nothing).
void ck_sgemm_tile(int isa, long kc, const float *ap, const float *bp, float *c, long ldc,
                   long rows, long cols, int accumulate);
void ck_dgemm_tile(int isa, long kc, const double *ap, const double *bp, double *c, long ldc,
                   long rows, long cols, int accumulate);

#endif
