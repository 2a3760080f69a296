// The only file of bitext that includes ICU headers. See include/cicu_shim.h.
#include "cicu_shim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>

// MARK: - Break iteration

struct cicu_breaker {
  UBreakIterator *iterator;
  UText *text;
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
  free(breaker);
}

void cicu_breaker_set_utf8(cicu_breaker *breaker, const char *text, int64_t length, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  // Reuses the UText when there is one (utext_openUTF8 fills an existing UText in place).
  breaker->text = utext_openUTF8(breaker->text, text, length, &error);
  if (U_SUCCESS(error)) ubrk_setUText(breaker->iterator, breaker->text, &error);
  *status = error;
}

int64_t cicu_breaker_next(cicu_breaker *breaker) {
  int32_t boundary = ubrk_next(breaker->iterator);
  // With a UTF-8 UText, ICU's native indexes are byte offsets.
  return boundary == UBRK_DONE ? -1 : (int64_t)boundary;
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
