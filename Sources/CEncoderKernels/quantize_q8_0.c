// Activations to int8 per block of 32 (Q8_0), the input format of the Q4_0 matrix product.
#include "include/encoder_kernels.h"
#include <immintrin.h>
#include <math.h>

void ek_quantize_q8_0_scalar(const float *x, int64_t rows, int64_t columns, ek_q8_0_rows out) {
  int64_t blocks = columns / EK_BLOCK;
  for (int64_t r = 0; r < rows; r++) {
    for (int64_t b = 0; b < blocks; b++) {
      const float *block = x + r * columns + b * EK_BLOCK;
      float largest = 0.f;
      for (int j = 0; j < EK_BLOCK; j++) {
        float magnitude = fabsf(block[j]);
        largest = magnitude > largest ? magnitude : largest;
      }
      float scale = largest / 127.f;
      float inverse = scale > 0.f ? 1.f / scale : 0.f;
      int8_t *values = out.values + r * columns + b * EK_BLOCK;
      int32_t sum = 0;
      for (int j = 0; j < EK_BLOCK; j++) {
        // nearbyintf rounds half to even in the default rounding mode; |x · inverse| ≤ 127 (+ ulp).
        float rounded = nearbyintf(block[j] * inverse);
        int v = (int)(rounded > 127.f ? 127.f : (rounded < -128.f ? -128.f : rounded));
        values[j] = (int8_t)v;
        sum += v;
      }
      out.scales[r * blocks + b] = scale;
      out.sums[r * blocks + b] = sum;
    }
  }
}

#define TARGET __attribute__((target("avx2,fma")))

/// The same with AVX2: one block is four registers; vcvtps2dq rounds half to even like nearbyintf,
/// and the packs saturate like the clamp.
TARGET static void quantize_avx2(const float *x, int64_t rows, int64_t columns, ek_q8_0_rows out) {
  int64_t blocks = columns / EK_BLOCK;
  const __m256 sign = _mm256_set1_ps(-0.f);
  const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
  for (int64_t r = 0; r < rows; r++) {
    for (int64_t b = 0; b < blocks; b++) {
      const float *block = x + r * columns + b * EK_BLOCK;
      __m256 v0 = _mm256_loadu_ps(block), v1 = _mm256_loadu_ps(block + 8);
      __m256 v2 = _mm256_loadu_ps(block + 16), v3 = _mm256_loadu_ps(block + 24);
      __m256 m = _mm256_max_ps(_mm256_max_ps(_mm256_andnot_ps(sign, v0), _mm256_andnot_ps(sign, v1)),
                               _mm256_max_ps(_mm256_andnot_ps(sign, v2), _mm256_andnot_ps(sign, v3)));
      __m128 h = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
      h = _mm_max_ps(h, _mm_movehl_ps(h, h));
      h = _mm_max_ss(h, _mm_shuffle_ps(h, h, 1));
      float scale = _mm_cvtss_f32(h) / 127.f;
      __m256 inverse = _mm256_set1_ps(scale > 0.f ? 1.f / scale : 0.f);
      __m256i i0 = _mm256_cvtps_epi32(_mm256_mul_ps(v0, inverse));
      __m256i i1 = _mm256_cvtps_epi32(_mm256_mul_ps(v1, inverse));
      __m256i i2 = _mm256_cvtps_epi32(_mm256_mul_ps(v2, inverse));
      __m256i i3 = _mm256_cvtps_epi32(_mm256_mul_ps(v3, inverse));
      __m256i total = _mm256_add_epi32(_mm256_add_epi32(i0, i1), _mm256_add_epi32(i2, i3));
      __m128i t = _mm_add_epi32(_mm256_castsi256_si128(total), _mm256_extracti128_si256(total, 1));
      t = _mm_add_epi32(t, _mm_shuffle_epi32(t, 0x4E));
      t = _mm_add_epi32(t, _mm_shuffle_epi32(t, 0xB1));
      __m256i packed = _mm256_packs_epi16(_mm256_packs_epi32(i0, i1), _mm256_packs_epi32(i2, i3));
      _mm256_storeu_si256((__m256i *)(out.values + r * columns + b * EK_BLOCK),
                          _mm256_permutevar8x32_epi32(packed, order));
      out.scales[r * blocks + b] = scale;
      out.sums[r * blocks + b] = _mm_cvtsi128_si32(t);
    }
  }
}

void ek_quantize_q8_0(const float *x, int64_t rows, int64_t columns, ek_q8_0_rows out) {
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    quantize_avx2(x, rows, columns, out);
  } else {
    ek_quantize_q8_0_scalar(x, rows, columns, out);
  }
}
