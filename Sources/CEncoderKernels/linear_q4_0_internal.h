// What the versions of the Q4_0 matrix product share; not part of the public header.
#ifndef LINEAR_Q4_0_INTERNAL_H
#define LINEAR_Q4_0_INTERNAL_H

#include "include/encoder_kernels.h"
#include <string.h>

/// Output rows computed together by the SIMD versions: each activation block is loaded once for four
/// weight rows.
#define EK_ROWS 4
/// Tokens per tile: a tile's activations (up to 256 × 1,536 bytes) stay in L2 while every weight
/// row passes over them.
#define EK_TILE 256

/// IEEE half precision to single precision, without F16C (the weights' scales are decoded once per
/// row group, so this is not on the hot path).
static inline float ek_fp16_to_float(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000) << 16;
  uint32_t exponent = (h >> 10) & 0x1F;
  uint32_t mantissa = h & 0x3FF;
  uint32_t bits;
  if (exponent == 0) {
    if (mantissa == 0) {
      bits = sign;
    } else {  // subnormal: normalise
      int shift = 0;
      while (!(mantissa & 0x400)) { mantissa <<= 1; shift++; }
      bits = sign | ((uint32_t)(113 - shift) << 23) | ((mantissa & 0x3FF) << 13);
    }
  } else if (exponent == 31) {
    bits = sign | 0x7F800000u | (mantissa << 13);
  } else {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
  }
  float f;
  memcpy(&f, &bits, 4);
  return f;
}

/// The scalar product for tokens [t0, t1) and outputs [o0, o1) only (row strides unchanged).
void ek_linear_q4_0_scalar_range(const ek_block_q4_0 *w, const float *bias, ek_q8_0_rows x, float *y,
                                 int64_t t0, int64_t t1, int64_t o0, int64_t o1, int64_t outputs,
                                 int64_t inputs);

void ek_linear_q4_0_avx2(const ek_block_q4_0 *w, const float *bias, ek_q8_0_rows x, float *y,
                         int64_t tokens, int64_t outputs, int64_t inputs);
void ek_linear_q4_0_avx512vnni(const ek_block_q4_0 *w, const float *bias, ek_q8_0_rows x, float *y,
                               int64_t tokens, int64_t outputs, int64_t inputs);

#endif
