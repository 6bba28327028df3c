// GEMM micro-kernels (see include/CKernels.h). Each x86 variant is compiled for its instruction set with a
// `target` attribute, so the rest of the binary stays baseline and the variant is only called after
// __builtin_cpu_supports says the CPU has it.
#include "CKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

// One kernel body for every (type, vector width, tile) — the loops have constant bounds, so the compiler
// unrolls them and keeps the MR×NV accumulators in registers. Partial tiles go through a local buffer.
#define CK_KERNEL(NAME, TARGET, T, V, MR, NV, W, LOAD, STORE, BCAST, FMADD, ZERO, ADD)                        \
    TARGET static void NAME##_full(long kc, const T *a, const T *b, T *c, long ldc, int acc) {              \
        V r[MR][NV];                                                                                     \
        for (int i = 0; i < MR; i++)                                                                     \
            for (int j = 0; j < NV; j++) r[i][j] = ZERO();                                               \
        for (long p = 0; p < kc; p++) {                                                                  \
            V bv[NV];                                                                                    \
            for (int j = 0; j < NV; j++) bv[j] = LOAD(b + j * W);                                        \
            for (int i = 0; i < MR; i++) {                                                               \
                V av = BCAST(a[i]);                                                                      \
                for (int j = 0; j < NV; j++) r[i][j] = FMADD(av, bv[j], r[i][j]);                        \
            }                                                                                            \
            a += MR;                                                                                     \
            b += NV * W;                                                                                 \
        }                                                                                                \
        for (int i = 0; i < MR; i++)                                                                     \
            for (int j = 0; j < NV; j++) {                                                               \
                T *q = c + i * ldc + j * W;                                                              \
                STORE(q, acc ? ADD(LOAD(q), r[i][j]) : r[i][j]);                                         \
            }                                                                                            \
    }                                                                                                    \
    static void NAME(long kc, const T *a, const T *b, T *c, long ldc, long rows, long cols, int acc) {   \
        if (rows == MR && cols == NV * W) {                                                              \
            NAME##_full(kc, a, b, c, ldc, acc);                                                          \
            return;                                                                                      \
        }                                                                                                \
        T t[MR * NV * W];                                                                                \
        NAME##_full(kc, a, b, t, NV * W, 0);                                                             \
        for (long i = 0; i < rows; i++)                                                                  \
            for (long j = 0; j < cols; j++)                                                              \
                c[i * ldc + j] = acc ? c[i * ldc + j] + t[i * NV * W + j] : t[i * NV * W + j];          \
    }

#define AVX2 __attribute__((target("avx2,fma")))
#define AVX512 __attribute__((target("avx512f,fma")))

CK_KERNEL(s_avx2, AVX2, float, __m256, 6, 2, 8, _mm256_loadu_ps, _mm256_storeu_ps, _mm256_set1_ps,
          _mm256_fmadd_ps, _mm256_setzero_ps, _mm256_add_ps)
CK_KERNEL(d_avx2, AVX2, double, __m256d, 6, 2, 4, _mm256_loadu_pd, _mm256_storeu_pd, _mm256_set1_pd,
          _mm256_fmadd_pd, _mm256_setzero_pd, _mm256_add_pd)
CK_KERNEL(s_avx512, AVX512, float, __m512, 8, 2, 16, _mm512_loadu_ps, _mm512_storeu_ps, _mm512_set1_ps,
          _mm512_fmadd_ps, _mm512_setzero_ps, _mm512_add_ps)
CK_KERNEL(d_avx512, AVX512, double, __m512d, 8, 2, 8, _mm512_loadu_pd, _mm512_storeu_pd, _mm512_set1_pd,
          _mm512_fmadd_pd, _mm512_setzero_pd, _mm512_add_pd)

static int detect(void) {
    __builtin_cpu_init();
    int best = CK_ISA_NONE;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) best = CK_ISA_AVX2;
    if (best == CK_ISA_AVX2 && __builtin_cpu_supports("avx512f")) best = CK_ISA_AVX512;
    const char *cap = getenv("TENSORPREP_GEMM_ISA");
    if (cap) {
        int limit = strcmp(cap, "none") == 0 ? CK_ISA_NONE : strcmp(cap, "avx2") == 0 ? CK_ISA_AVX2 : best;
        if (limit < best) best = limit;
    }
    return best;
}

int ck_gemm_isa(void) {
    static int isa = -1;  // a benign race: every thread computes the same value
    int v = __atomic_load_n(&isa, __ATOMIC_RELAXED);
    if (v < 0) {
        v = detect();
        __atomic_store_n(&isa, v, __ATOMIC_RELAXED);
    }
    return v;
}

int ck_sgemm_mr(int isa) { return isa == CK_ISA_AVX512 ? 8 : isa == CK_ISA_AVX2 ? 6 : 0; }
int ck_sgemm_nr(int isa) { return isa == CK_ISA_AVX512 ? 32 : isa == CK_ISA_AVX2 ? 16 : 0; }
int ck_dgemm_mr(int isa) { return isa == CK_ISA_AVX512 ? 8 : isa == CK_ISA_AVX2 ? 6 : 0; }
int ck_dgemm_nr(int isa) { return isa == CK_ISA_AVX512 ? 16 : isa == CK_ISA_AVX2 ? 8 : 0; }

void ck_sgemm_tile(int isa, long kc, const float *ap, const float *bp, float *c, long ldc,
                   long rows, long cols, int accumulate) {
    if (isa == CK_ISA_AVX512) s_avx512(kc, ap, bp, c, ldc, rows, cols, accumulate);
    else if (isa == CK_ISA_AVX2) s_avx2(kc, ap, bp, c, ldc, rows, cols, accumulate);
}

void ck_dgemm_tile(int isa, long kc, const double *ap, const double *bp, double *c, long ldc,
                   long rows, long cols, int accumulate) {
    if (isa == CK_ISA_AVX512) d_avx512(kc, ap, bp, c, ldc, rows, cols, accumulate);
    else if (isa == CK_ISA_AVX2) d_avx2(kc, ap, bp, c, ldc, rows, cols, accumulate);
}

#else  // not x86-64: no C kernels; MiniTorch uses its Swift micro-kernels.

int ck_gemm_isa(void) { return CK_ISA_NONE; }
int ck_sgemm_mr(int isa) { (void)isa; return 0; }
int ck_sgemm_nr(int isa) { (void)isa; return 0; }
int ck_dgemm_mr(int isa) { (void)isa; return 0; }
int ck_dgemm_nr(int isa) { (void)isa; return 0; }
void ck_sgemm_tile(int isa, long kc, const float *ap, const float *bp, float *c, long ldc,
                   long rows, long cols, int accumulate) {
    (void)isa; (void)kc; (void)ap; (void)bp; (void)c; (void)ldc; (void)rows; (void)cols; (void)accumulate;
}
void ck_dgemm_tile(int isa, long kc, const double *ap, const double *bp, double *c, long ldc,
                   long rows, long cols, int accumulate) {
    (void)isa; (void)kc; (void)ap; (void)bp; (void)c; (void)ldc; (void)rows; (void)cols; (void)accumulate;
}

#endif
