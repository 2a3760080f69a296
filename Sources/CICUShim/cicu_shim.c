// The only file of bitext that includes ICU headers. See include/cicu_shim.h.
#include "cicu_shim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// MARK: - Break iteration

/// How the iterator reads the current text, and so what its boundaries are offsets into.
enum breaker_input {
  /// ICU's UTF-8 text provider over the caller's bytes: native offsets are UTF-8 offsets.
  INPUT_UTF8_TEXT,
  /// UTF-16 transcoded by `transcode`: offsets are mapped back to UTF-8 through the shifts.
  INPUT_TRANSCODED,
  /// UTF-16 (the caller's, or converted by ICU): offsets are UTF-16 offsets, not mapped.
  INPUT_UTF16,
};

struct cicu_breaker {
  UBreakIterator *iterator;
  UText *text;
  enum breaker_input input;
  /// UTF-16 scratch buffer for the transcoded or ICU-converted text (as long as the longest text).
  UChar *units;
  int64_t unitCapacity;
  /// After the k-th character of two or more UTF-8 bytes: the UTF-16 offset where the next
  /// character starts (`shiftAt[k]`) and what to add to UTF-16 offsets from there on to get
  /// UTF-8 offsets (`shift[k]`). Grown on demand: one entry per such character.
  int32_t *shiftAt;
  int32_t *shift;
  int64_t shiftCapacity;
  int32_t shiftCount;
  /// The first shift not yet passed by the boundaries returned so far, and the current shift.
  int32_t shiftCursor;
  int32_t currentShift;
};

cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  UBreakIteratorType type = kind == CICU_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
  UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &error);
  *status = error;
  if (U_FAILURE(error)) return NULL;
  cicu_breaker *breaker = calloc(1, sizeof *breaker);
  if (breaker == NULL) {
    ubrk_close(iterator);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  breaker->iterator = iterator;
  return breaker;
}

void cicu_breaker_close(cicu_breaker *breaker) {
  if (breaker == NULL) return;
  ubrk_close(breaker->iterator);
  if (breaker->text != NULL) utext_close(breaker->text);
  free(breaker->units);
  free(breaker->shiftAt);
  free(breaker->shift);
  free(breaker);
}

void cicu_breaker_set_utf8(cicu_breaker *breaker, const char *text, int64_t length, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  // Reuses the UText when there is one (utext_openUTF8 fills an existing UText in place).
  breaker->text = utext_openUTF8(breaker->text, text, length, &error);
  if (U_SUCCESS(error)) ubrk_setUText(breaker->iterator, breaker->text, &error);
  breaker->input = INPUT_UTF8_TEXT;
  *status = error;
}

/// Makes room for `units` UTF-16 units; 0 on failure.
static int reserve_units(cicu_breaker *breaker, int64_t units) {
  if (units <= breaker->unitCapacity) return 1;
  UChar *grown = realloc(breaker->units, sizeof(UChar) * (size_t)units);
  if (grown == NULL) return 0;
  breaker->units = grown;
  breaker->unitCapacity = units;
  return 1;
}

/// Doubles the room for shift entries (the caller checks first that it is full); 0 on failure.
static int grow_shifts(cicu_breaker *breaker) {
  int64_t capacity = breaker->shiftCapacity < 64 ? 64 : breaker->shiftCapacity * 2;
  int32_t *at = realloc(breaker->shiftAt, sizeof(int32_t) * (size_t)capacity);
  if (at == NULL) return 0;
  breaker->shiftAt = at;
  int32_t *shift = realloc(breaker->shift, sizeof(int32_t) * (size_t)capacity);
  if (shift == NULL) return 0;
  breaker->shift = shift;
  breaker->shiftCapacity = capacity;
  return 1;
}

/// Transcodes well-formed UTF-8 into the breaker's UTF-16 buffer (room for `length` + 16 units),
/// recording the shifts; returns the UTF-16 length, or -1 at the first ill-formed sequence
/// (`U8_NEXT`: no overlong forms, surrogates or values above U+10FFFF) or when memory runs out.
static int64_t transcode(cicu_breaker *breaker, const uint8_t *bytes, int64_t length) {
  UChar *out = breaker->units;
  int64_t i = 0, j = 0;
  int32_t shifts = 0;
  while (i < length) {
    // ASCII, sixteen (SSE2) or eight bytes at a time: each block is widened whole, then the
    // position moves past its ASCII prefix (the units after it are overwritten next).
    int blocked = 0;
#if defined(__SSE2__)
    if (i + 16 <= length) {
      __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + i));
      __m128i zero = _mm_setzero_si128();
      _mm_storeu_si128((__m128i *)(out + j), _mm_unpacklo_epi8(chunk, zero));
      _mm_storeu_si128((__m128i *)(out + j + 8), _mm_unpackhi_epi8(chunk, zero));
      int high = _mm_movemask_epi8(chunk);
      // A branch, not a select: predicted, it lets the next load start before this one's bytes
      // are known.
      if (__builtin_expect(high == 0, 1)) {
        i += 16;
        j += 16;
        continue;
      }
      int ascii = __builtin_ctz((unsigned)high);
      i += ascii;
      j += ascii;
      blocked = 1;
    }
#endif
    if (!blocked && i + 8 <= length) {
      uint64_t word;
      memcpy(&word, bytes + i, 8);
      for (int k = 0; k < 8; k++) out[j + k] = bytes[i + k];
      int ascii = 8;
      if (word & 0x8080808080808080ULL) {
        ascii = 0;
        while (bytes[i + ascii] < 0x80) ascii++;
      }
      i += ascii;
      j += ascii;
      if (ascii == 8) continue;
    }
    if (i >= length) break;
    uint8_t lead = bytes[i];
    if (lead < 0x80) {
      out[j++] = lead;
      i++;
      continue;
    }
    if (lead >= 0xC2 && lead <= 0xDF && i + 1 < length && (uint8_t)(bytes[i + 1] ^ 0x80) < 0x40) {
      // Two bytes (Latin letters with diacritics: "ä", "é"), the commonest in German text.
      out[j++] = (UChar)(((lead & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
      i += 2;
    } else {
      // ICU's own decoder rejects what is ill-formed by the Unicode definition.
      UChar32 scalar;
      U8_NEXT(bytes, i, length, scalar);
      if (scalar < 0) return -1;
      U16_APPEND_UNSAFE(out, j, scalar);
    }
    if (shifts >= breaker->shiftCapacity && !grow_shifts(breaker)) return -1;
    breaker->shiftAt[shifts] = (int32_t)j;
    breaker->shift[shifts] = (int32_t)(i - j);
    shifts++;
  }
  breaker->shiftCount = shifts;
  return j;
}

void cicu_breaker_set_utf8_transcoded(cicu_breaker *breaker, const char *text, int64_t length,
                                      int32_t *status) {
  // ICU's UTF-16 offsets are int32_t: longer texts, ill-formed ones and a failed allocation take
  // the UTF-8 provider, which gives the same boundaries.
  int64_t units = -1;
  if (length < INT32_MAX / 2 && reserve_units(breaker, length + 16)) {
    units = transcode(breaker, (const uint8_t *)text, length);
  }
  if (units < 0) {
    cicu_breaker_set_utf8(breaker, text, length, status);
    return;
  }
  UErrorCode error = U_ZERO_ERROR;
  ubrk_setText(breaker->iterator, breaker->units, (int32_t)units, &error);
  breaker->input = INPUT_TRANSCODED;
  breaker->shiftCursor = 0;
  breaker->currentShift = 0;
  *status = error;
}

void cicu_breaker_set_utf8_icu_converted(cicu_breaker *breaker, const char *text, int64_t length,
                                         int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  int32_t units = 0;
  if (length >= INT32_MAX / 2 || !reserve_units(breaker, length + 1)) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return;
  }
  u_strFromUTF8(breaker->units, (int32_t)breaker->unitCapacity, &units, text, (int32_t)length, &error);
  if (U_SUCCESS(error)) ubrk_setText(breaker->iterator, breaker->units, units, &error);
  breaker->input = INPUT_UTF16;
  *status = error;
}

void cicu_breaker_set_utf16(cicu_breaker *breaker, const uint16_t *text, int64_t length, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  if (length > INT32_MAX) {
    *status = U_INDEX_OUTOFBOUNDS_ERROR;
    return;
  }
  ubrk_setText(breaker->iterator, (const UChar *)text, (int32_t)length, &error);
  breaker->input = INPUT_UTF16;
  *status = error;
}

int32_t cicu_breaker_next_boundaries(cicu_breaker *breaker, int64_t *boundaries, int32_t capacity) {
  int32_t count = 0;
  while (count < capacity) {
    int32_t boundary = ubrk_next(breaker->iterator);
    if (boundary == UBRK_DONE) break;
    if (breaker->input == INPUT_TRANSCODED) {
      // Boundaries ascend: pass the shifts of the characters before this one.
      while (breaker->shiftCursor < breaker->shiftCount &&
             breaker->shiftAt[breaker->shiftCursor] <= boundary) {
        breaker->currentShift = breaker->shift[breaker->shiftCursor];
        breaker->shiftCursor++;
      }
      boundaries[count++] = (int64_t)boundary + breaker->currentShift;
    } else {
      boundaries[count++] = (int64_t)boundary;
    }
  }
  return count;
}

int64_t cicu_breaker_next(cicu_breaker *breaker) {
  int64_t boundary;
  return cicu_breaker_next_boundaries(breaker, &boundary, 1) == 1 ? boundary : -1;
}

int32_t cicu_breaker_rule_status(const cicu_breaker *breaker) {
  return ubrk_getRuleStatus(breaker->iterator);
}

// MARK: - UTF-8 <-> UTF-16 helpers

/// Converts UTF-8 to a freshly allocated UTF-16 buffer; the caller frees it.
static UChar *utf16_from_utf8(const char *text, int32_t length, int32_t *utf16Length, UErrorCode *error) {
  int32_t needed = 0;
  UErrorCode preflight = U_ZERO_ERROR;
  u_strFromUTF8(NULL, 0, &needed, text, length, &preflight);
  if (preflight != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(preflight)) {
    *error = preflight;
    return NULL;
  }
  UChar *buffer = malloc(sizeof(UChar) * (size_t)(needed + 1));
  if (buffer == NULL) {
    *error = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  u_strFromUTF8(buffer, needed + 1, utf16Length, text, length, error);
  if (U_FAILURE(*error)) {
    free(buffer);
    return NULL;
  }
  return buffer;
}

/// Writes UTF-16 as UTF-8 into `dest`, returning the UTF-8 length (preflighting on overflow).
static int32_t utf8_from_utf16(const UChar *text, int32_t length, char *dest, int32_t capacity,
                               UErrorCode *error) {
  int32_t written = 0;
  u_strToUTF8(dest, capacity, &written, text, length, error);
  return written;
}

/// Runs `transform` (UTF-16 in, UTF-16 out, ICU preflighting) between UTF-8 buffers.
typedef int32_t (*utf16_transform)(const void *context, const UChar *source, int32_t length,
                                   UChar *dest, int32_t capacity, UErrorCode *error);

static int32_t transform_utf8(utf16_transform transform, const void *context, const char *text,
                              int32_t length, char *dest, int32_t capacity, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  int32_t sourceLength = 0;
  UChar *source = utf16_from_utf8(text, length, &sourceLength, &error);
  if (source == NULL) {
    *status = error;
    return 0;
  }
  UErrorCode preflight = U_ZERO_ERROR;
  int32_t needed = transform(context, source, sourceLength, NULL, 0, &preflight);
  if (preflight != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(preflight)) {
    free(source);
    *status = preflight;
    return 0;
  }
  UChar *result = malloc(sizeof(UChar) * (size_t)(needed + 1));
  if (result == NULL) {
    free(source);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return 0;
  }
  int32_t produced = transform(context, source, sourceLength, result, needed + 1, &error);
  int32_t written = 0;
  if (U_SUCCESS(error)) written = utf8_from_utf16(result, produced, dest, capacity, &error);
  free(source);
  free(result);
  *status = error;
  return written;
}

// MARK: - Normalisation and case folding

static const UNormalizer2 *normalizer_for(int32_t form, UErrorCode *error) {
  return form == CICU_FORM_NFKC_CASEFOLD ? unorm2_getNFKCCasefoldInstance(error)
                                         : unorm2_getNFCInstance(error);
}

static int32_t normalize_utf16(const void *context, const UChar *source, int32_t length, UChar *dest,
                               int32_t capacity, UErrorCode *error) {
  return unorm2_normalize((const UNormalizer2 *)context, source, length, dest, capacity, error);
}

int32_t cicu_normalize(int32_t form, const char *text, int32_t length, char *dest, int32_t capacity,
                       int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = normalizer_for(form, &error);
  if (U_FAILURE(error)) {
    *status = error;
    return 0;
  }
  return transform_utf8(normalize_utf16, normalizer, text, length, dest, capacity, status);
}

int32_t cicu_is_normalized(int32_t form, const char *text, int32_t length, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = normalizer_for(form, &error);
  int32_t sourceLength = 0;
  UChar *source = U_SUCCESS(error) ? utf16_from_utf8(text, length, &sourceLength, &error) : NULL;
  if (source == NULL) {
    *status = error;
    return 0;
  }
  UNormalizationCheckResult result = unorm2_quickCheck(normalizer, source, sourceLength, &error);
  free(source);
  *status = error;
  return U_SUCCESS(error) && result == UNORM_YES;
}

static int32_t fold_utf16(const void *context, const UChar *source, int32_t length, UChar *dest,
                          int32_t capacity, UErrorCode *error) {
  (void)context;
  return u_strFoldCase(dest, capacity, source, length, U_FOLD_CASE_DEFAULT, error);
}

int32_t cicu_fold_case(const char *text, int32_t length, char *dest, int32_t capacity, int32_t *status) {
  return transform_utf8(fold_utf16, NULL, text, length, dest, capacity, status);
}

// MARK: - Transliteration

cicu_transliterator *cicu_transliterator_open(const char *identifier, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  int32_t idLength = 0;
  UChar *id = utf16_from_utf8(identifier, (int32_t)strlen(identifier), &idLength, &error);
  if (id == NULL) {
    *status = error;
    return NULL;
  }
  UTransliterator *transliterator = utrans_openU(id, idLength, UTRANS_FORWARD, NULL, 0, NULL, &error);
  free(id);
  *status = error;
  return (cicu_transliterator *)transliterator;
}

void cicu_transliterator_close(cicu_transliterator *transliterator) {
  if (transliterator != NULL) utrans_close((UTransliterator *)transliterator);
}

static int32_t transliterate_utf16(const void *context, const UChar *source, int32_t length,
                                   UChar *dest, int32_t capacity, UErrorCode *error) {
  // utrans_transUChars works in place, so the preflight answers a generous bound instead of the
  // exact length: transliteration may lengthen text ("ü" -> "ue"), by far less than four times.
  int32_t bound = length * 4 + 16;
  if (dest == NULL || capacity < bound) {
    *error = U_BUFFER_OVERFLOW_ERROR;
    return bound;
  }
  memcpy(dest, source, sizeof(UChar) * (size_t)length);
  int32_t textLength = length;
  int32_t limit = length;
  utrans_transUChars((const UTransliterator *)context, dest, &textLength, capacity, 0, &limit, error);
  return textLength;
}

int32_t cicu_transliterate(const cicu_transliterator *transliterator, const char *text, int32_t length,
                           char *dest, int32_t capacity, int32_t *status) {
  return transform_utf8(transliterate_utf16, transliterator, text, length, dest, capacity, status);
}
