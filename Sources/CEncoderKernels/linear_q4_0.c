// y = x · wᵀ + bias with Q4_0 weights and Q8_0 activations: the portable version and the choice of
// a SIMD version at run time.
#include "linear_q4_0_internal.h"
#include <string.h>

void ek_linear_q4_0_scalar_range(const ek_block_q4_0 *w, const float *bias, ek_q8_0_rows x, float *y,
                                 int64_t t0, int64_t t1, int64_t o0, int64_t o1, int64_t outputs,
                                 int64_t inputs) {
  int64_t blocks = inputs / EK_BLOCK;
  for (int64_t t = t0; t < t1; t++) {
    const int8_t *activations = x.values + t * inputs;
    for (int64_t o = o0; o < o1; o++) {
      const ek_block_q4_0 *row = w + o * blocks;
      float sum = 0.f;
      for (int64_t b = 0; b < blocks; b++) {
        const int8_t *a = activations + b * EK_BLOCK;
        int32_t dot = 0;
        for (int j = 0; j < 16; j++) {
          dot += ((row[b].nibbles[j] & 0x0F) - 8) * a[j];
          dot += ((row[b].nibbles[j] >> 4) - 8) * a[j + 16];
        }
        sum += ek_fp16_to_float(row[b].scale) * x.scales[t * blocks + b] * (float)dot;
      }
      y[t * outputs + o] = (bias ? bias[o] : 0.f) + sum;
    }
  }
}

void ek_linear_q4_0_scalar(const void *w, const float *bias, ek_q8_0_rows x, float *y,
                           int64_t tokens, int64_t outputs, int64_t inputs) {
  ek_linear_q4_0_scalar_range(w, bias, x, y, 0, tokens, 0, outputs, outputs, inputs);
}

static int has_avx512vnni(void) {
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vnni");
}

static int has_avx2(void) {
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

const char *ek_linear_q4_0_kernel(void) {
  if (has_avx512vnni()) return "avx512vnni";
  if (has_avx2()) return "avx2";
  return "scalar";
}

void ek_linear_q4_0(const void *w, const float *bias, ek_q8_0_rows x, float *y,
                    int64_t tokens, int64_t outputs, int64_t inputs) {
  if (has_avx512vnni()) {
    ek_linear_q4_0_avx512vnni(w, bias, x, y, tokens, outputs, inputs);
  } else if (has_avx2()) {
    ek_linear_q4_0_avx2(w, bias, x, y, tokens, outputs, inputs);
  } else {
    ek_linear_q4_0_scalar(w, bias, x, y, tokens, outputs, inputs);
  }
}

int ek_linear_q4_0_named(const char *kernel, const void *w, const float *bias,
                         ek_q8_0_rows x, float *y, int64_t tokens, int64_t outputs, int64_t inputs) {
  if (strcmp(kernel, "avx512vnni") == 0 && has_avx512vnni()) {
    ek_linear_q4_0_avx512vnni(w, bias, x, y, tokens, outputs, inputs);
  } else if (strcmp(kernel, "avx2") == 0 && has_avx2()) {
    ek_linear_q4_0_avx2(w, bias, x, y, tokens, outputs, inputs);
  } else if (strcmp(kernel, "scalar") == 0) {
    ek_linear_q4_0_scalar(w, bias, x, y, tokens, outputs, inputs);
  } else {
    return 0;
  }
  return 1;
}
