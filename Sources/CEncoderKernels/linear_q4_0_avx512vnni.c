// The Q4_0 × Q8_0 matrix product with AVX-512 VNNI: vpdpbusd multiplies 64 nibbles (two blocks) by
// 64 int8 activations and adds them, with the -8 offset, into 16 int32 lanes (8 per block), which
// are scaled into float accumulators; 4 output rows × 2 tokens at a time.
#include "linear_q4_0_internal.h"
#include <immintrin.h>
#include <stdlib.h>

#define TARGET __attribute__((target("avx512f,avx512vnni,avx2,fma")))
// Inlined in debug builds too (-O0), where a call per block would cost more than the block.
#define INLINE static inline __attribute__((always_inline))

/// Lanes 0–7 from `pair[0]`, lanes 8–15 from `pair[1]`.
TARGET INLINE __m512 spread_pair(const float *pair) {
  const __m512i index = _mm512_setr_epi32(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1);
  __m128 two = _mm_castpd_ps(_mm_load_sd((const double *)pair));
  return _mm512_permutexvar_ps(index, _mm512_castps128_ps512(two));
}

/// -8 · sums[0] in lane 0, -8 · sums[1] in lane 8, zero elsewhere: what turns Σ nibble · a into
/// Σ (nibble - 8) · a for the two blocks.
TARGET INLINE __m512i offset_pair(const int32_t *sums) {
  const __m512i index = _mm512_setr_epi32(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1);
  __m128i two = _mm_loadl_epi64((const __m128i *)sums);
  __m512i spread = _mm512_maskz_permutexvar_epi32(0x0101, index, _mm512_castsi128_si512(two));
  return _mm512_sub_epi32(_mm512_setzero_si512(), _mm512_slli_epi32(spread, 3));
}

/// The four sums of `a`, `b`, `c`, `d`'s lanes, in that order.
TARGET INLINE __m128 sum4(__m512 a, __m512 b, __m512 c, __m512 d) {
#define HALVES(z) \
  _mm256_add_ps(_mm512_castps512_ps256(z), \
                _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(z), 1)))
  __m256 a8 = HALVES(a), b8 = HALVES(b), c8 = HALVES(c), d8 = HALVES(d);
#undef HALVES
  __m256 abcd = _mm256_hadd_ps(_mm256_hadd_ps(a8, b8), _mm256_hadd_ps(c8, d8));
  return _mm_add_ps(_mm256_castps256_ps128(abcd), _mm256_extractf128_ps(abcd, 1));
}

/// Unpacks `EK_ROWS` weight rows to one byte per weight (0…15) and their scales to one vector per
/// pair of blocks (`spread_pair` layout).
TARGET static void expand_rows(const ek_block_q4_0 *rows, int64_t blocks, uint8_t *weights,
                               __m512 *scales) {
  const __m128i low = _mm_set1_epi8(0x0F);
  float pair[2];
  for (int64_t r = 0; r < EK_ROWS; r++) {
    for (int64_t b = 0; b < blocks; b++) {
      const ek_block_q4_0 *block = rows + r * blocks + b;
      __m128i packed = _mm_loadu_si128((const __m128i *)block->nibbles);
      uint8_t *out = weights + (r * blocks + b) * EK_BLOCK;
      _mm_storeu_si128((__m128i *)out, _mm_and_si128(packed, low));
      _mm_storeu_si128((__m128i *)(out + 16), _mm_and_si128(_mm_srli_epi16(packed, 4), low));
      pair[b & 1] = ek_fp16_to_float(block->scale);
      if (b & 1) scales[r * (blocks / 2) + b / 2] = spread_pair(pair);
    }
  }
}

TARGET void ek_linear_q4_0_avx512vnni(const ek_block_q4_0 *w, const float *bias, ek_q8_0_rows x,
                                      float *y, int64_t tokens, int64_t outputs, int64_t inputs) {
  int64_t blocks = inputs / EK_BLOCK, pairs = blocks / 2;
  if (blocks % 2 != 0) {  // an odd number of blocks does not fill 512-bit registers
    ek_linear_q4_0_avx2(w, bias, x, y, tokens, outputs, inputs);
    return;
  }
  int64_t grouped = outputs - outputs % EK_ROWS;
  uint8_t *weights = aligned_alloc(64, (size_t)(EK_ROWS * inputs + 64));
  __m512 *scales = aligned_alloc(64, sizeof(__m512) * (size_t)(EK_ROWS * pairs + 1));
  for (int64_t t0 = 0; t0 < tokens; t0 += EK_TILE) {
    int64_t t1 = t0 + EK_TILE < tokens ? t0 + EK_TILE : tokens;
    for (int64_t o0 = 0; o0 < grouped; o0 += EK_ROWS) {
      expand_rows(w + o0 * blocks, blocks, weights, scales);
      __m128 rowBias = bias ? _mm_loadu_ps(bias + o0) : _mm_setzero_ps();
      for (int64_t t = t0; t < t1; t += 2) {
        int64_t u = t + 1 < t1 ? t + 1 : t;  // the second token (the first again at an odd end)
        const int8_t *at = x.values + t * inputs, *au = x.values + u * inputs;
        __m512 acc[EK_ROWS][2];
        for (int r = 0; r < EK_ROWS; r++) acc[r][0] = acc[r][1] = _mm512_setzero_ps();
        for (int64_t p = 0; p < pairs; p++) {
          __m512i a0 = _mm512_loadu_si512((const void *)(at + p * 64));
          __m512i a1 = _mm512_loadu_si512((const void *)(au + p * 64));
          __m512i offset0 = offset_pair(x.sums + t * blocks + 2 * p);
          __m512i offset1 = offset_pair(x.sums + u * blocks + 2 * p);
          __m512 d0 = spread_pair(x.scales + t * blocks + 2 * p);
          __m512 d1 = spread_pair(x.scales + u * blocks + 2 * p);
          for (int r = 0; r < EK_ROWS; r++) {
            __m512i wr = _mm512_load_si512((const void *)(weights + r * inputs + p * 64));
            __m512 dw = scales[r * pairs + p];
            __m512 dot0 = _mm512_cvtepi32_ps(_mm512_dpbusd_epi32(offset0, wr, a0));
            __m512 dot1 = _mm512_cvtepi32_ps(_mm512_dpbusd_epi32(offset1, wr, a1));
            acc[r][0] = _mm512_fmadd_ps(dot0, _mm512_mul_ps(dw, d0), acc[r][0]);
            acc[r][1] = _mm512_fmadd_ps(dot1, _mm512_mul_ps(dw, d1), acc[r][1]);
          }
        }
        _mm_storeu_ps(y + t * outputs + o0,
                      _mm_add_ps(rowBias, sum4(acc[0][0], acc[1][0], acc[2][0], acc[3][0])));
        if (u != t) {
          _mm_storeu_ps(y + u * outputs + o0,
                        _mm_add_ps(rowBias, sum4(acc[0][1], acc[1][1], acc[2][1], acc[3][1])));
        }
      }
    }
    if (grouped < outputs) {
      ek_linear_q4_0_scalar_range(w, bias, x, y, t0, t1, grouped, outputs, outputs, inputs);
    }
  }
  free(weights);
  free(scales);
}
