#include "byte_scan.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// `byte_scan_marks` for bytes `from..<to`, one at a time (the tail, and targets without SSE2);
/// `lineEnd` is the first line end found before them, or -1.
static int64_t scan_bytes(const uint8_t *bytes, int64_t from, int64_t to, uint8_t first,
                          uint8_t second, uint64_t *marks, int64_t lineEnd) {
  for (int64_t i = from; i < to; i++) {
    uint8_t byte = bytes[i];
    uint64_t bit = (uint64_t)(byte == first || byte == second) << (i & 63);
    // Words are cleared as they are entered, so that every bit is written.
    if ((i & 63) == 0) marks[i >> 6] = 0;
    marks[i >> 6] |= bit;
    if (byte >= 0x0A && byte <= 0x0D && lineEnd < 0) lineEnd = i;
  }
  return lineEnd;
}

int64_t byte_scan_marks(const uint8_t *bytes, int64_t length, uint8_t first, uint8_t second,
                        uint64_t *marks) {
  int64_t lineEnd = -1;
  int64_t i = 0;
#if defined(__SSE2__) && (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
  // Sixteen bytes at a time: four sixteen-bit masks make one word of `marks`.
  const __m128i firstBytes = _mm_set1_epi8((char)first);
  const __m128i secondBytes = _mm_set1_epi8((char)second);
  // 0x0A–0x0D moved to the bottom of the signed range: one comparison finds all four.
  const __m128i toBottom = _mm_set1_epi8((char)(0x80 - 0x0A));
  const __m128i aboveControls = _mm_set1_epi8((char)(0x80 + 4));
  uint16_t *halves = (uint16_t *)marks;
  for (; i + 16 <= length; i += 16) {
    __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + i));
    __m128i marked =
        _mm_or_si128(_mm_cmpeq_epi8(chunk, firstBytes), _mm_cmpeq_epi8(chunk, secondBytes));
    uint16_t mask = (uint16_t)_mm_movemask_epi8(marked);
    memcpy(halves + (i >> 4), &mask, sizeof mask);
    __m128i ends = _mm_cmplt_epi8(_mm_add_epi8(chunk, toBottom), aboveControls);
    int endMask = _mm_movemask_epi8(ends);
    if (lineEnd < 0 && endMask != 0) lineEnd = i + __builtin_ctz((unsigned)endMask);
  }
  // The tail's word may be half written: its remaining bits are cleared before they are set.
  if (i < length && (i & 63) != 0) marks[i >> 6] &= ((uint64_t)1 << (i & 63)) - 1;
#endif
  lineEnd = scan_bytes(bytes, i, length, first, second, marks, lineEnd);
  return lineEnd < 0 ? length : lineEnd;
}
