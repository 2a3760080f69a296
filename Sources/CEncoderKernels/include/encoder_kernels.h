// The encoder's hot kernels: a matrix product with 4-bit weights (Q4_0) and 8-bit activations
// (Q8_0), and scaled dot-product attention. Everything else of the forward pass is Swift.
#ifndef ENCODER_KERNELS_H
#define ENCODER_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Values per quantisation block, for weights and activations alike.
#define EK_BLOCK 32

/// 32 weights in 18 bytes: an IEEE fp16 scale `d`, then 16 bytes of nibbles. Byte `j` holds weight
/// `j` in its low nibble and weight `j + 16` in its high nibble; weight = (nibble - 8) * d.
typedef struct __attribute__((packed)) {
  uint16_t scale;
  uint8_t nibbles[16];
} ek_block_q4_0;

/// Activations of one matrix product, quantised per block of 32 values to int8 (Q8_0).
///
/// For `rows` rows of `columns` values (`columns` a multiple of 32), `values` holds
/// `rows * columns` int8 values; `scales` and `sums` hold `rows * columns / 32` entries: the block's
/// scale (value ≈ int8 * scale) and the sum of its 32 int8 values.
typedef struct {
  int8_t *values;
  float *scales;
  int32_t *sums;
} ek_q8_0_rows;

/// Quantises `x[rows, columns]` (row-major floats) to int8 per block of 32: scale = max |x| / 127,
/// value = round-half-even(x / scale). `columns` must be a multiple of 32.
/// Uses AVX2 when the CPU has it; the result is the same bit for bit.
void ek_quantize_q8_0(const float *x, int64_t rows, int64_t columns, ek_q8_0_rows out);

/// The portable version of `ek_quantize_q8_0`.
void ek_quantize_q8_0_scalar(const float *x, int64_t rows, int64_t columns, ek_q8_0_rows out);

/// y[t, o] = bias[o] + Σ_i x[t, i] · w[o, i], for t < tokens and o < outputs.
///
/// `w` is `outputs` rows of `inputs / 32` `ek_block_q4_0` blocks (no alignment needed); `x` is `tokens` rows of `inputs` activations
/// quantised by `ek_quantize_q8_0`; `bias` may be NULL; `y` is row-major [tokens, outputs].
/// `inputs` must be a multiple of 32. Uses AVX-512 VNNI or AVX2 when the CPU has them (chosen once,
/// at the first call), else `ek_linear_q4_0_scalar`. Single-threaded; callers split `tokens`.
void ek_linear_q4_0(const void *w, const float *bias, ek_q8_0_rows x, float *y,
                    int64_t tokens, int64_t outputs, int64_t inputs);

/// The portable version of `ek_linear_q4_0`, which the SIMD versions must agree with.
void ek_linear_q4_0_scalar(const void *w, const float *bias, ek_q8_0_rows x, float *y,
                           int64_t tokens, int64_t outputs, int64_t inputs);

/// A SIMD version of `ek_linear_q4_0` by name ("avx512vnni", "avx2"; "scalar" is the portable
/// one); does nothing and returns 0 when the CPU lacks it, else returns 1.
int ek_linear_q4_0_named(const char *kernel, const void *w, const float *bias,
                         ek_q8_0_rows x, float *y, int64_t tokens, int64_t outputs, int64_t inputs);

/// The name of the kernel `ek_linear_q4_0` uses on this CPU: "avx512vnni", "avx2" or "scalar".
const char *ek_linear_q4_0_kernel(void);

/// Scaled dot-product attention of one text's tokens, all heads: for each token t and head h,
/// context[t, h] = Σ_s softmax_s(q[t, h] · k[s, h] / √headSize) · v[s, h].
///
/// `q`, `k`, `v` and `context` are row-major [tokens, heads * headSize] with row stride `stride`
/// floats; `scratch` holds `tokens` floats. `headSize` must be a multiple of 8.
void ek_attention(const float *q, const float *k, const float *v, float *context, int64_t tokens,
                  int64_t heads, int64_t headSize, int64_t stride, float *scratch);

/// The portable version of `ek_attention`.
void ek_attention_scalar(const float *q, const float *k, const float *v, float *context,
                         int64_t tokens, int64_t heads, int64_t headSize, int64_t stride,
                         float *scratch);

#ifdef __cplusplus
}
#endif

#endif
