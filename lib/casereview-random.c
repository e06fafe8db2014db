/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewRandom:
 *
 * A PCG32 random stream (PCG-XSH-RR: 64-bit state, 32-bit output, selectable
 * stream), bit-for-bit identical to `pcg32` of the reference C++
 * implementation `pcg_random.hpp`.
 *
 * Every random choice libcasereview makes comes from such a stream, derived
 * from a public seed string with [ctor@CaseReview.Random.new_from_seed], so
 * that anyone holding the seed can recompute it. The derivation and every
 * draw are specified in `docs/random-spec.md`.
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(CaseReviewRandom) rng =
 *   case_review_random_new_from_seed ("罗湖区2020", "demo", &error);
 * guint32 pick = case_review_random_bounded (rng, 100);
 * ```
 *
 * A `CaseReviewRandom` is a mutable value: copying it copies its position in
 * the stream, so the copy and the original produce the same numbers.
 *
 * Since: 0.1
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-error.h"
#include "casereview-random.h"

/* The LCG multiplier of every PCG engine with 64-bit state. */
#define PCG_MULTIPLIER G_GUINT64_CONSTANT (6364136223846793005)

/* Prefix hashed before the seed so that our streams never coincide with some
 * other program's use of SHA-256 of the same seed string. */
#define SEED_DOMAIN "libcasereview/pcg32/v1"

struct _CaseReviewRandom
{
  guint64 state;
  guint64 increment;  /* always odd: (initseq << 1) | 1 */
};

G_DEFINE_BOXED_TYPE (CaseReviewRandom, case_review_random,
                     case_review_random_copy, case_review_random_free)

static inline guint64
step (const CaseReviewRandom *self,
      guint64                 state)
{
  return state * PCG_MULTIPLIER + self->increment;
}

static CaseReviewRandom *
random_new_internal (guint64 initstate,
                     guint64 initseq)
{
  CaseReviewRandom *self = g_new (CaseReviewRandom, 1);

  /* Same as pcg-cpp's engine(state, stream): bump (initstate + increment). */
  self->increment = (initseq << 1) | 1u;
  self->state = step (self, initstate + self->increment);

  return self;
}

/**
 * case_review_random_new:
 * @initstate: the initial state
 * @initseq: the stream selector; only its low 63 bits matter
 *
 * Creates a stream seeded exactly as the reference `pcg32 rng(initstate,
 * initseq)`: `pcg32(42, 54)` yields a15c02b7 7b47f409 ba1d3330 83d2f293 …
 *
 * JavaScript numbers cannot hold every 64-bit integer; from GJS use
 * [ctor@CaseReview.Random.new_from_halves] or
 * [ctor@CaseReview.Random.new_from_hex] for values above 2^53.
 *
 * Returns: (transfer full): a new random stream
 *
 * Since: 0.1
 */
CaseReviewRandom *
case_review_random_new (guint64 initstate,
                        guint64 initseq)
{
  return random_new_internal (initstate, initseq);
}

/**
 * case_review_random_new_from_halves:
 * @initstate_high: the high 32 bits of the initial state
 * @initstate_low: the low 32 bits of the initial state
 * @initseq_high: the high 32 bits of the stream selector
 * @initseq_low: the low 32 bits of the stream selector
 *
 * Creates the same stream as [ctor@CaseReview.Random.new] with the 64-bit
 * arguments given as two 32-bit halves each, which every language binding
 * can pass exactly.
 *
 * Returns: (transfer full): a new random stream
 *
 * Since: 0.1
 */
CaseReviewRandom *
case_review_random_new_from_halves (guint32 initstate_high,
                                    guint32 initstate_low,
                                    guint32 initseq_high,
                                    guint32 initseq_low)
{
  return random_new_internal (((guint64) initstate_high << 32) | initstate_low,
                              ((guint64) initseq_high << 32) | initseq_low);
}

static gboolean
parse_hex_u64 (const char  *text,
               const char  *what,
               guint64     *out_value,
               GError     **error)
{
  const char *digits = text;
  guint64 value = 0;
  gsize n_digits = 0;

  if (g_ascii_strncasecmp (digits, "0x", 2) == 0)
    digits += 2;

  for (const char *p = digits; *p != '\0'; p++)
    {
      int nibble = g_ascii_xdigit_value (*p);

      if (nibble < 0)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE,
                       _("%s: “%s” is not a hexadecimal number (bad character at offset %d)"),
                       what, text, (int) (p - text));
          return FALSE;
        }
      if (++n_digits > 16)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("%s: “%s” has more than 16 hexadecimal digits and does not fit in 64 bits"),
                       what, text);
          return FALSE;
        }
      value = (value << 4) | (guint64) nibble;
    }

  if (n_digits == 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE,
                   _("%s: “%s” has no hexadecimal digits"), what, text);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

/**
 * case_review_random_new_from_hex:
 * @initstate: the initial state as 1 to 16 hexadecimal digits, optionally
 *   prefixed with `0x`
 * @initseq: the stream selector in the same notation
 *
 * Creates the same stream as [ctor@CaseReview.Random.new] from hexadecimal
 * strings, so that bindings without exact 64-bit integers can seed any state.
 *
 * Returns: (transfer full) (nullable): a new random stream, or %NULL with
 *   @error set (%CASE_REVIEW_ERROR_PARSE or %CASE_REVIEW_ERROR_INVALID) when
 *   either string is not a 64-bit hexadecimal number
 *
 * Since: 0.1
 */
CaseReviewRandom *
case_review_random_new_from_hex (const char  *initstate,
                                 const char  *initseq,
                                 GError     **error)
{
  guint64 state, seq;

  g_return_val_if_fail (initstate != NULL, NULL);
  g_return_val_if_fail (initseq != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_hex_u64 (initstate, "initstate", &state, error) ||
      !parse_hex_u64 (initseq, "initseq", &seq, error))
    return NULL;

  return random_new_internal (state, seq);
}

static guint64
read_be64 (const guint8 *bytes)
{
  guint64 value = 0;

  for (int i = 0; i < 8; i++)
    value = (value << 8) | bytes[i];

  return value;
}

/**
 * case_review_random_new_from_seed:
 * @seed: the public seed, a non-empty UTF-8 string used verbatim (no
 *   normalisation, no trimming)
 * @stream: a UTF-8 label naming what the numbers are for (for example
 *   "sample/LH01"); may be empty
 *
 * Derives a stream from a seed string and a stream label, so that each
 * purpose (and each stratum of a sample) has its own independent numbers and
 * adding one stratum never changes another's.
 *
 * The derivation is `D = SHA-256 ("libcasereview/pcg32/v1" ‖ 0x00 ‖ seed ‖
 * 0x00 ‖ stream)` over the UTF-8 bytes; `initstate` is the first 8 bytes of D
 * and `initseq` the next 8, both read big-endian, and the stream is
 * `pcg32 (initstate, initseq)`. Strings cannot contain NUL, so the separators
 * make the encoding unambiguous.
 *
 * Returns: (transfer full) (nullable): a new random stream, or %NULL with
 *   @error set: %CASE_REVIEW_ERROR_INVALID for an empty seed,
 *   %CASE_REVIEW_ERROR_ENCODING when @seed or @stream is not valid UTF-8
 *
 * Since: 0.1
 */
CaseReviewRandom *
case_review_random_new_from_seed (const char  *seed,
                                  const char  *stream,
                                  GError     **error)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  const guint8 separator = 0;

  g_return_val_if_fail (seed != NULL, NULL);
  g_return_val_if_fail (stream != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (seed[0] == '\0')
    {
      g_set_error_literal (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                           _("seed: the seed string is empty; a draw needs a public seed"));
      return NULL;
    }
  if (!g_utf8_validate (seed, -1, NULL))
    {
      g_set_error_literal (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_ENCODING,
                           _("seed: the seed string is not valid UTF-8"));
      return NULL;
    }
  if (!g_utf8_validate (stream, -1, NULL))
    {
      g_set_error_literal (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_ENCODING,
                           _("stream: the stream label is not valid UTF-8"));
      return NULL;
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) SEED_DOMAIN, strlen (SEED_DOMAIN));
  g_checksum_update (checksum, &separator, 1);
  g_checksum_update (checksum, (const guchar *) seed, strlen (seed));
  g_checksum_update (checksum, &separator, 1);
  g_checksum_update (checksum, (const guchar *) stream, strlen (stream));
  g_checksum_get_digest (checksum, digest, &digest_len);

  return random_new_internal (read_be64 (digest), read_be64 (digest + 8));
}

/**
 * case_review_random_copy:
 * @self: a random stream
 *
 * Copies a stream together with its position: the copy produces the same
 * numbers as @self from here on.
 *
 * Returns: (transfer full): a copy of @self
 *
 * Since: 0.1
 */
CaseReviewRandom *
case_review_random_copy (const CaseReviewRandom *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

/**
 * case_review_random_free:
 * @self: (nullable): a random stream
 *
 * Frees a stream created by one of the constructors or by
 * [method@CaseReview.Random.copy].
 *
 * Since: 0.1
 */
void
case_review_random_free (CaseReviewRandom *self)
{
  g_free (self);
}

/* XSH-RR: the output permutation of a state. */
static inline guint32
output (guint64 state)
{
  guint32 xorshifted = (guint32) (((state >> 18) ^ state) >> 27);
  guint32 rot = (guint32) (state >> 59);

  return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

static inline guint32
next_u32 (CaseReviewRandom *self)
{
  guint64 old = self->state;

  self->state = step (self, old);

  return output (old);
}

/**
 * case_review_random_next_u32:
 * @self: a random stream
 *
 * Draws the next 32-bit output of the stream.
 *
 * Returns: a number in [0, 2^32)
 *
 * Since: 0.1
 */
guint32
case_review_random_next_u32 (CaseReviewRandom *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return next_u32 (self);
}

/**
 * case_review_random_bounded:
 * @self: a random stream
 * @bound: the exclusive upper bound, at least 1
 *
 * Draws a uniformly distributed integer below @bound, without modulo bias.
 *
 * This is the threshold method of `pcg_extras::bounded_rand`, so it consumes
 * exactly the outputs the reference `rng(bound)` consumes: outputs below
 * `2^32 mod bound` are rejected and the first accepted output `r` gives
 * `r mod bound`.
 *
 * Returns: a number in [0, @bound)
 *
 * Since: 0.1
 */
guint32
case_review_random_bounded (CaseReviewRandom *self,
                            guint32           bound)
{
  guint32 threshold;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (bound > 0, 0);

  threshold = (-bound) % bound;
  for (;;)
    {
      guint32 r = next_u32 (self);

      if (r >= threshold)
        return r % bound;
    }
}

/**
 * case_review_random_next_double:
 * @self: a random stream
 *
 * Draws a double in [0, 1) with 53 random bits from two outputs `a` then `b`:
 * `((a >> 5) · 2^26 + (b >> 6)) / 2^53`, the construction of MT19937's
 * `genrand_res53`. Every result is an exact multiple of 2^-53.
 *
 * Returns: a number in [0, 1)
 *
 * Since: 0.1
 */
double
case_review_random_next_double (CaseReviewRandom *self)
{
  guint32 a, b;

  g_return_val_if_fail (self != NULL, 0.0);

  a = next_u32 (self) >> 5;
  b = next_u32 (self) >> 6;

  return ((double) a * 67108864.0 + (double) b) * (1.0 / 9007199254740992.0);
}

/**
 * case_review_random_advance:
 * @self: a random stream
 * @delta: how many outputs to skip
 *
 * Moves the stream @delta outputs ahead in O(log @delta) steps (Brown's
 * arbitrary-stride method, as the reference `advance`), so that drawing
 * after `advance (n)` gives what the (n+1)-th [method@CaseReview.Random.next_u32]
 * would have given.
 *
 * Since: 0.1
 */
void
case_review_random_advance (CaseReviewRandom *self,
                            guint64           delta)
{
  guint64 multiplier = PCG_MULTIPLIER;
  guint64 increment;
  guint64 acc_multiplier = 1;
  guint64 acc_increment = 0;

  g_return_if_fail (self != NULL);

  increment = self->increment;
  while (delta > 0)
    {
      if (delta & 1)
        {
          acc_multiplier *= multiplier;
          acc_increment = acc_increment * multiplier + increment;
        }
      increment = (multiplier + 1) * increment;
      multiplier *= multiplier;
      delta >>= 1;
    }

  self->state = acc_multiplier * self->state + acc_increment;
}

/**
 * case_review_random_fill_u32: (skip)
 * @self: a random stream
 * @values: (array length=n_values): where to store the outputs
 * @n_values: how many outputs to draw
 *
 * Draws @n_values outputs into @values, the same numbers as that many calls of
 * [method@CaseReview.Random.next_u32] but without a function call per number.
It is for C callers drawing millions of numbers; bindings, for which the call
overhead dominates anyway, use [method@CaseReview.Random.next_u32].
 *
 * Since: 0.1
 */
void
case_review_random_fill_u32 (CaseReviewRandom *self,
                             guint32          *values,
                             gsize             n_values)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  /* The LCG step is a multiply-add chain, so one stream is latency-bound.
   * Two interleaved chains each jump two states at a time (the step squared:
   * s ↦ M²·s + (M+1)·c), which doubles the throughput and yields exactly the
   * same sequence. Local copies also keep the state out of memory, which
   * @values might alias as far as the compiler knows. */
  guint64 even = self->state;
  guint64 odd = step (self, even);
  guint64 multiplier2 = PCG_MULTIPLIER * PCG_MULTIPLIER;
  guint64 increment2 = (PCG_MULTIPLIER + 1) * self->increment;
  gsize i = 0;

  for (; i + 1 < n_values; i += 2)
    {
      values[i] = output (even);
      values[i + 1] = output (odd);
      even = even * multiplier2 + increment2;
      odd = odd * multiplier2 + increment2;
    }
  self->state = even;
  if (i < n_values)
    values[i] = next_u32 (self);
}
