// Byte scans over UTF-8 text that Swift cannot vectorise by itself.
#ifndef BYTE_SCAN_H
#define BYTE_SCAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One pass over `length` bytes: sets bit `i % 64` of `marks[i / 64]` for each byte `i` equal to
/// `first` or `second` and clears the other bits (all `(length + 63) / 64` words are written), and
/// returns the offset of the first byte from 0x0A to 0x0D (line feed, vertical tab, form feed,
/// carriage return), or `length` when there is none.
int64_t byte_scan_marks(const uint8_t *bytes, int64_t length, uint8_t first, uint8_t second,
                        uint64_t *marks);

#ifdef __cplusplus
}
#endif

#endif
