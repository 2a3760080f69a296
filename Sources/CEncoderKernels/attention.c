// Scaled dot-product attention over one text's tokens: scores q·k / √d, softmax, weighted sum of v.
// Float dot products need several accumulators to run at SIMD speed, which Swift does not reorder
// for itself; the AVX2 version keeps 8 lanes per accumulator.
#include "include/encoder_kernels.h"
#include <immintrin.h>
#include <math.h>

/// Softmax of `scores[0..<count]` in place.
static void softmax(float *scores, int64_t count) {
  float largest = -INFINITY;
  for (int64_t s = 0; s < count; s++) largest = scores[s] > largest ? scores[s] : largest;
  float sum = 0.f;
  for (int64_t s = 0; s < count; s++) {
    scores[s] = expf(scores[s] - largest);
    sum += scores[s];
  }
  float inverse = 1.f / sum;
  for (int64_t s = 0; s < count; s++) scores[s] *= inverse;
}

void ek_attention_scalar(const float *q, const float *k, const float *v, float *context,
                         int64_t tokens, int64_t heads, int64_t headSize, int64_t stride,
                         float *scratch) {
  float scale = 1.f / sqrtf((float)headSize);
  for (int64_t h = 0; h < heads; h++) {
    for (int64_t t = 0; t < tokens; t++) {
      const float *query = q + t * stride + h * headSize;
      for (int64_t s = 0; s < tokens; s++) {
        const float *key = k + s * stride + h * headSize;
        float dot = 0.f;
        for (int64_t e = 0; e < headSize; e++) dot += query[e] * key[e];
        scratch[s] = dot * scale;
      }
      softmax(scratch, tokens);
      float *out = context + t * stride + h * headSize;
      for (int64_t e = 0; e < headSize; e++) out[e] = 0.f;
      for (int64_t s = 0; s < tokens; s++) {
        const float *value = v + s * stride + h * headSize;
        for (int64_t e = 0; e < headSize; e++) out[e] += scratch[s] * value[e];
      }
    }
  }
}

#define TARGET __attribute__((target("avx2,fma")))
// Inlined in debug builds too (-O0), where a call per block would cost more than the block.
#define INLINE static inline __attribute__((always_inline))

TARGET INLINE float sum8(__m256 x) {
  __m128 four = _mm_add_ps(_mm256_castps256_ps128(x), _mm256_extractf128_ps(x, 1));
  four = _mm_add_ps(four, _mm_movehl_ps(four, four));
  return _mm_cvtss_f32(_mm_add_ss(four, _mm_shuffle_ps(four, four, 1)));
}

/// e^x in 8 lanes: x = n · ln 2 + r with |r| ≤ ½ ln 2, e^r by a degree-7 polynomial (Cephes'
/// expf coefficients), 2^n through the exponent bits; relative error about 1e-7.
TARGET INLINE __m256 exp8(__m256 x) {
  x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.3f)), _mm256_set1_ps(88.3f));
  __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                             _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
  r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
  __m256 p = _mm256_set1_ps(1.9875691500e-4f);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
  p = _mm256_fmadd_ps(p, _mm256_mul_ps(r, r), _mm256_add_ps(r, _mm256_set1_ps(1.f)));
  __m256i bits = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
  return _mm256_mul_ps(p, _mm256_castsi256_ps(bits));
}

/// Softmax of `scores[0..<count]` in place, 8 lanes at a time.
TARGET static void softmax_avx2(float *scores, int64_t count) {
  float largest = -INFINITY;
  for (int64_t s = 0; s < count; s++) largest = scores[s] > largest ? scores[s] : largest;
  __m256 shift = _mm256_set1_ps(largest), sum8v = _mm256_setzero_ps();
  int64_t s = 0;
  for (; s + 8 <= count; s += 8) {
    __m256 e = exp8(_mm256_sub_ps(_mm256_loadu_ps(scores + s), shift));
    _mm256_storeu_ps(scores + s, e);
    sum8v = _mm256_add_ps(sum8v, e);
  }
  float sum = sum8(sum8v);
  for (; s < count; s++) {
    scores[s] = expf(scores[s] - largest);
    sum += scores[s];
  }
  float inverse = 1.f / sum;
  for (s = 0; s < count; s++) scores[s] *= inverse;
}

TARGET static void attention_avx2(const float *q, const float *k, const float *v, float *context,
                                  int64_t tokens, int64_t heads, int64_t headSize, int64_t stride,
                                  float *scratch) {
  float scale = 1.f / sqrtf((float)headSize);
  for (int64_t h = 0; h < heads; h++) {
    for (int64_t t = 0; t < tokens; t++) {
      const float *query = q + t * stride + h * headSize;
      for (int64_t s = 0; s < tokens; s++) {
        const float *key = k + s * stride + h * headSize;
        __m256 even = _mm256_setzero_ps(), odd = _mm256_setzero_ps();
        int64_t e = 0;
        for (; e + 16 <= headSize; e += 16) {
          even = _mm256_fmadd_ps(_mm256_loadu_ps(query + e), _mm256_loadu_ps(key + e), even);
          odd = _mm256_fmadd_ps(_mm256_loadu_ps(query + e + 8), _mm256_loadu_ps(key + e + 8), odd);
        }
        for (; e < headSize; e += 8) {
          even = _mm256_fmadd_ps(_mm256_loadu_ps(query + e), _mm256_loadu_ps(key + e), even);
        }
        scratch[s] = sum8(_mm256_add_ps(even, odd)) * scale;
      }
      softmax_avx2(scratch, tokens);
      float *out = context + t * stride + h * headSize;
      for (int64_t e = 0; e < headSize; e += 8) {
        __m256 sum = _mm256_setzero_ps();
        for (int64_t s = 0; s < tokens; s++) {
          sum = _mm256_fmadd_ps(_mm256_set1_ps(scratch[s]),
                                _mm256_loadu_ps(v + s * stride + h * headSize + e), sum);
        }
        _mm256_storeu_ps(out + e, sum);
      }
    }
  }
}

void ek_attention(const float *q, const float *k, const float *v, float *context, int64_t tokens,
                  int64_t heads, int64_t headSize, int64_t stride, float *scratch) {
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && headSize % 8 == 0) {
    attention_avx2(q, k, v, context, tokens, heads, headSize, stride, scratch);
  } else {
    ek_attention_scalar(q, k, v, context, tokens, heads, headSize, stride, scratch);
  }
}
