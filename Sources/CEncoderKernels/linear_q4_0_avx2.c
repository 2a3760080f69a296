// The Q4_0 × Q8_0 matrix product with AVX2: integer products of 32 nibbles and 32 int8 activations
// (vpmaddubsw + vpmaddwd), scaled into float accumulators; 4 output rows × 2 tokens at a time.
#include "linear_q4_0_internal.h"
#include <immintrin.h>
#include <stdlib.h>

#define TARGET __attribute__((target("avx2,fma")))
// Inlined in debug builds too (-O0), where a call per block would cost more than the block.
#define INLINE static inline __attribute__((always_inline))

/// Unpacks `EK_ROWS` weight rows to one byte per weight (0…15, the -8 is applied through the
/// activation sums) and their block scales to floats.
TARGET static void expand_rows(const ek_block_q4_0 *rows, int64_t count, int64_t blocks,
                               uint8_t *weights, float *scales) {
  const __m128i low = _mm_set1_epi8(0x0F);
  for (int64_t r = 0; r < count; r++) {
    for (int64_t b = 0; b < blocks; b++) {
      const ek_block_q4_0 *block = rows + r * blocks + b;
      __m128i packed = _mm_loadu_si128((const __m128i *)block->nibbles);
      uint8_t *out = weights + (r * blocks + b) * EK_BLOCK;
      _mm_storeu_si128((__m128i *)out, _mm_and_si128(packed, low));
      _mm_storeu_si128((__m128i *)(out + 16), _mm_and_si128(_mm_srli_epi16(packed, 4), low));
      scales[r * blocks + b] = ek_fp16_to_float(block->scale);
    }
  }
}

/// The four sums of `a`, `b`, `c`, `d`'s lanes, in that order.
TARGET INLINE __m128 sum4(__m256 a, __m256 b, __m256 c, __m256 d) {
  __m256 abcd = _mm256_hadd_ps(_mm256_hadd_ps(a, b), _mm256_hadd_ps(c, d));
  return _mm_add_ps(_mm256_castps256_ps128(abcd), _mm256_extractf128_ps(abcd, 1));
}

/// Σ_j (w_j - 8) · a_j over one block, in 8 int32 lanes: `-8 · sum(a)` enters through lane 0.
TARGET INLINE __m256i block_dot(__m256i w, __m256i a, __m256i offset) {
  __m256i pairs = _mm256_maddubs_epi16(w, a);
  return _mm256_add_epi32(_mm256_madd_epi16(pairs, _mm256_set1_epi16(1)), offset);
}

TARGET void ek_linear_q4_0_avx2(const ek_block_q4_0 *w, const float *bias, ek_q8_0_rows x, float *y,
                                int64_t tokens, int64_t outputs, int64_t inputs) {
  int64_t blocks = inputs / EK_BLOCK;
  int64_t grouped = outputs - outputs % EK_ROWS;
  uint8_t *weights = aligned_alloc(64, (size_t)(EK_ROWS * inputs + 64));
  float *scales = malloc(sizeof(float) * (size_t)(EK_ROWS * blocks));
  for (int64_t t0 = 0; t0 < tokens; t0 += EK_TILE) {
    int64_t t1 = t0 + EK_TILE < tokens ? t0 + EK_TILE : tokens;
    for (int64_t o0 = 0; o0 < grouped; o0 += EK_ROWS) {
      expand_rows(w + o0 * blocks, EK_ROWS, blocks, weights, scales);
      __m128 rowBias = bias ? _mm_loadu_ps(bias + o0) : _mm_setzero_ps();
      for (int64_t t = t0; t < t1; t += 2) {
        int64_t u = t + 1 < t1 ? t + 1 : t;  // the second token (the first again at an odd end)
        const int8_t *at = x.values + t * inputs, *au = x.values + u * inputs;
        __m256 acc[EK_ROWS][2];
        for (int r = 0; r < EK_ROWS; r++) acc[r][0] = acc[r][1] = _mm256_setzero_ps();
        for (int64_t b = 0; b < blocks; b++) {
          __m256i a0 = _mm256_loadu_si256((const __m256i *)(at + b * EK_BLOCK));
          __m256i a1 = _mm256_loadu_si256((const __m256i *)(au + b * EK_BLOCK));
          __m256i offset0 = _mm256_setr_epi32(-8 * x.sums[t * blocks + b], 0, 0, 0, 0, 0, 0, 0);
          __m256i offset1 = _mm256_setr_epi32(-8 * x.sums[u * blocks + b], 0, 0, 0, 0, 0, 0, 0);
          float d0 = x.scales[t * blocks + b], d1 = x.scales[u * blocks + b];
          for (int r = 0; r < EK_ROWS; r++) {
            __m256i wr = _mm256_load_si256((const __m256i *)(weights + (r * blocks + b) * EK_BLOCK));
            float dw = scales[r * blocks + b];
            acc[r][0] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(block_dot(wr, a0, offset0)),
                                        _mm256_set1_ps(dw * d0), acc[r][0]);
            acc[r][1] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(block_dot(wr, a1, offset1)),
                                        _mm256_set1_ps(dw * d1), acc[r][1]);
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
