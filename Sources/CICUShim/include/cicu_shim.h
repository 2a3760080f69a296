// An ICU-free C interface over the few ICU services bitext uses.
//
// Swift never sees an ICU header: Foundation on Linux carries its own ICU, and a Swift module whose
// clang importer sees both fails to build. Everything here uses <stdint.h> types, UTF-8 buffers and
// opaque handles; offsets are UTF-8 byte offsets; `status` receives an ICU UErrorCode (0 = success,
// > 0 = failure, 15 = buffer overflow: the return value is then the length needed).
#ifndef CICU_SHIM_H
#define CICU_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Break iteration

typedef struct cicu_breaker cicu_breaker;

enum {
  CICU_BREAK_WORD = 0,
  CICU_BREAK_SENTENCE = 1,
};

/// Opens a word or sentence break iterator for `locale` ("de", "en", "de@ss=standard").
cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status);

void cicu_breaker_close(cicu_breaker *breaker);

/// Points the iterator at `length` bytes of UTF-8, read in place by ICU's UTF-8 text provider.
/// The buffer must stay alive and unchanged until the next `cicu_breaker_set_*` call or
/// `cicu_breaker_close`.
void cicu_breaker_set_utf8(cicu_breaker *breaker, const char *text, int64_t length, int32_t *status);

/// Points the iterator at `length` bytes of UTF-8, transcoded into the breaker's own UTF-16 buffer
/// (ICU iterates UTF-16 faster than its UTF-8 provider can feed it); boundaries are still UTF-8
/// offsets and the same as `cicu_breaker_set_utf8` gives. Ill-formed UTF-8 is read by the UTF-8
/// provider instead. The text may change after the call.
void cicu_breaker_set_utf8_transcoded(cicu_breaker *breaker, const char *text, int64_t length,
                                      int32_t *status);

/// Raw ICU on UTF-8 text the other way: ICU's own conversion (`u_strFromUTF8`) into the breaker's
/// buffer, then UTF-16 iteration. Boundaries are UTF-16 offsets.
void cicu_breaker_set_utf8_icu_converted(cicu_breaker *breaker, const char *text, int64_t length,
                                         int32_t *status);

/// Points the iterator at `length` UTF-16 code units (kept alive and unchanged like the UTF-8 buffer
/// of `cicu_breaker_set_utf8`). Boundaries are UTF-16 offsets.
void cicu_breaker_set_utf16(cicu_breaker *breaker, const uint16_t *text, int64_t length, int32_t *status);

/// The next boundary, or -1 at the end: a UTF-8 byte offset into the text, or a UTF-16 offset after
/// `cicu_breaker_set_utf8_icu_converted` and `cicu_breaker_set_utf16`.
int64_t cicu_breaker_next(cicu_breaker *breaker);

/// The next boundaries, up to `capacity` of them, written to `boundaries` as `cicu_breaker_next`
/// gives them; returns how many (fewer than `capacity` only at the end). One call for many
/// boundaries: for callers that need no rule status.
int32_t cicu_breaker_next_boundaries(cicu_breaker *breaker, int64_t *boundaries, int32_t capacity);

/// The rule status of the boundary last returned (word breaks: 0-99 none, 100-199 number,
/// 200-299 letter, 300-399 kana, 400-499 ideograph; sentence breaks: 0 terminator, 100 separator).
int32_t cicu_breaker_rule_status(const cicu_breaker *breaker);

// MARK: - Normalisation and case folding

enum {
  CICU_FORM_NFC = 0,
  /// NFKC with full case folding and removal of default-ignorable code points (soft hyphen, zero-width).
  CICU_FORM_NFKC_CASEFOLD = 1,
};

/// Normalises `length` bytes of UTF-8 into `dest` (capacity `capacity` bytes).
/// - Returns: the UTF-8 length of the result (needed capacity when `*status` is 15).
int32_t cicu_normalize(int32_t form, const char *text, int32_t length, char *dest, int32_t capacity,
                       int32_t *status);

/// 1 when the text is already in the normalisation form (quick check answered "yes"), else 0.
int32_t cicu_is_normalized(int32_t form, const char *text, int32_t length, int32_t *status);

/// Full Unicode case folding ("Straße" -> "strasse").
int32_t cicu_fold_case(const char *text, int32_t length, char *dest, int32_t capacity, int32_t *status);

// MARK: - Transliteration

typedef struct cicu_transliterator cicu_transliterator;

/// Opens an ICU transliterator by ID, e.g. "de-ASCII" or "Any-Latin; Latin-ASCII".
cicu_transliterator *cicu_transliterator_open(const char *identifier, int32_t *status);

void cicu_transliterator_close(cicu_transliterator *transliterator);

/// Transliterates `length` bytes of UTF-8 into `dest`.
int32_t cicu_transliterate(const cicu_transliterator *transliterator, const char *text, int32_t length,
                           char *dest, int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
