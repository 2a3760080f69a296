// Activations to int8 per block of 32 (Q8_0), the input format of the Q4_0 matrix product.
#include "include/encoder_kernels.h"
#include <math.h>

void ek_quantize_q8_0(const float *x, int64_t rows, int64_t columns, ek_q8_0_rows out) {
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
