/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewAttributePlan:
 *
 * An attribute sample-size plan: how many case files to review so that, if
 * no more deviations than allowed are found, the deviation rate of the whole
 * population is below the tolerable rate with the stated confidence.
 *
 * The sample size is the smallest n with P(X ≤ k) < 1 − confidence, where X
 * is the number of deviations among n files when the population's deviation
 * rate is exactly the tolerable rate, under one of the models of
 * [enum@CaseReview.StatisticalModel], and k the allowed deviations:
 * ⌈n · expected rate⌉ computed exactly, or a fixed number. Under the binomial
 * model this reproduces every cell of AICPA Table A-1:
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(CaseReviewAttributePlan) plan =
 *   case_review_attribute_plan_new (CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL,
 *                                   0.95, 0.05, 0.01, 0, &error);
 * // case_review_attribute_plan_get_sample_size (plan) == 93,
 * // case_review_attribute_plan_get_allowed_deviations (plan) == 1
 * ```
 *
 * Rates are exact: each rate is taken as the shortest decimal that reads back
 * as the same double ([func@CaseReview.format_rate]), so 0.035 means 35/1000
 * and ⌈400 · 0.035⌉ is 14, not the 15 that double arithmetic gives. The
 * method, the models and the AICPA table are described in
 * `docs/statistics.md`.
 *
 * A plan is an immutable value.
 *
 * Since: 0.1
 */

/**
 * CaseReviewBound:
 *
 * Confidence bounds on a deviation rate after k deviations were found in a
 * sample of n files: a one-sided upper limit ([ctor@CaseReview.Bound.new_upper])
 * or a two-sided interval ([ctor@CaseReview.Bound.new_interval]).
 *
 * The binomial model gives the Clopper–Pearson bounds (quantiles of the beta
 * distribution), the Poisson model the exact Poisson bounds (quantiles of the
 * gamma distribution) and the hypergeometric model exact bounds on the
 * number K of deviating files in a population of N: the upper limit is the
 * largest K with P(X ≤ k | N, K, n) > 1 − confidence.
 *
 * ```c
 * g_autoptr(CaseReviewBound) bound =
 *   case_review_bound_new_upper (CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL,
 *                                0.95, 59, 0, 0, &error);
 * // case_review_bound_get_upper (bound) == 0.0495…
 * ```
 *
 * A bound is an immutable value.
 *
 * Since: 0.1
 */

/**
 * CaseReviewStratifiedBound:
 *
 * The result of [method@CaseReview.StratifiedEstimate.compute]: the
 * Horvitz–Thompson estimate of the deviations in all strata together and a
 * conservative upper bound on them.
 *
 * The upper bound is the sum over the H strata of each stratum's exact
 * hypergeometric upper limit at confidence 1 − α/H (Bonferroni). With
 * probability at least 1 − α every stratum's count is at most its limit, so
 * the total is at most their sum, whatever the dependence between strata;
 * `docs/statistics.md` gives the argument.
 *
 * A stratified bound is an immutable value.
 *
 * Since: 0.1
 */

/**
 * CaseReviewStratifiedEstimate:
 *
 * Collects the strata of a stratified sample (population size, sample size
 * and deviations found in each) and estimates the deviations of the whole
 * district from them.
 *
 * ```c
 * g_autoptr(CaseReviewStratifiedEstimate) estimate =
 *   case_review_stratified_estimate_new ();
 * case_review_stratified_estimate_add_stratum (estimate, 1200, 80, 3, &error);
 * case_review_stratified_estimate_add_stratum (estimate, 300, 40, 0, &error);
 * g_autoptr(CaseReviewStratifiedBound) result =
 *   case_review_stratified_estimate_compute (estimate, 0.95, &error);
 * ```
 *
 * Since: 0.1
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-distributions.h"
#include "casereview-error.h"
#include "casereview-statistics.h"

/* The largest sample a binomial or Poisson plan may ask for; beyond it a plan
 * is reported as impossible. */
#define MAX_PLAN_SAMPLE_SIZE G_GUINT64_CONSTANT (1000000000)

/* Probabilities are accurate to about 1e-13 relative; a comparison with the
 * risk that falls within this band is decided the way an exact tie would be:
 * "P < risk" and "P > α" are both false. Plans can therefore only come out
 * larger, never smaller, than the exact answer; see docs/statistics.md. */
#define TIE_BAND 1e-10

/* ---------------------------------------------------------------------- */
/* Exact decimal rates                                                     */
/* ---------------------------------------------------------------------- */

/* digits · 10^−scale, digits without trailing zeros (or 0). A double's
 * shortest decimal has at most 17 significant digits. */
typedef struct {
  guint64 digits;
  guint   scale;
} ExactRate;

/* The shortest decimal d · 10^e that reads back as @value (finite, ≥ 0). */
static void
shortest_decimal (double   value,
                  guint64 *out_digits,
                  int     *out_exponent)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  guint64 digits = 0;
  int precision, exponent;
  const char *p;

  if (value == 0)
    {
      *out_digits = 0;
      *out_exponent = 0;
      return;
    }

  /* g_ascii_dtostr() prints 17 digits ("0.035000000000000003"); the shortest
   * round trip is the first precision that reads back exactly. */
  for (precision = 0; precision < 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%de", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  for (p = buffer; *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      digits = digits * 10 + (guint64) (*p - '0');
  exponent = atoi (p + 1) - precision;

  while (digits % 10 == 0)
    {
      digits /= 10;
      exponent++;
    }

  *out_digits = digits;
  *out_exponent = exponent;
}

/* The shortest round-trip form of any finite double, for messages. */
static void
format_number (double value,
               char   buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  char format[8];

  if (!isfinite (value))
    {
      g_strlcpy (buffer, isnan (value) ? "NaN" : (value > 0 ? "inf" : "-inf"), G_ASCII_DTOSTR_BUF_SIZE);
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return;
    }
}

static gboolean
rate_is_valid (double rate)
{
  return rate >= 0 && rate <= 1;  /* false for NaN */
}

/* @rate must be valid. */
static ExactRate
exact_rate_from_double (double rate)
{
  ExactRate exact = { 0, 0 };
  guint64 digits;
  int exponent;

  shortest_decimal (rate, &digits, &exponent);
  if (digits == 0)
    return exact;

  /* rate ≤ 1, so exponent ≤ 0 unless rate is exactly 1 (digits 1, exponent 0). */
  exact.digits = digits;
  exact.scale = (guint) (exponent < 0 ? -exponent : 0);
  return exact;
}

static unsigned __int128
pow10_u128 (guint exponent)
{
  unsigned __int128 value = 1;

  for (guint i = 0; i < exponent; i++)
    value *= 10;
  return value;
}

/* ⌈count · rate⌉ in exact integer arithmetic. */
static guint64
exact_rate_ceil_times (ExactRate rate,
                       guint64   count)
{
  unsigned __int128 product, denominator;

  /* digits < 10^17 < 2^57, count < 2^64: the product fits in 128 bits. */
  product = (unsigned __int128) count * rate.digits;
  if (product == 0)
    return 0;
  if (rate.scale > 38)
    return 1;  /* 0 < product < 2^121 < 10^37 < 10^scale */

  denominator = pow10_u128 (rate.scale);
  return (guint64) (product / denominator + (product % denominator != 0));
}

/* min (cap, ⌊count / rate⌋) for rate > 0: the largest n with ⌈n · rate⌉ ≤
 * count. */
static guint64
exact_rate_floor_divide (guint64   count,
                         ExactRate rate,
                         guint64   cap)
{
  unsigned __int128 denominator, quotient, remainder, result;

  if (count == 0)
    return 0;
  if (rate.scale > 38)
    return cap;  /* rate < 10^17 / 10^39: count / rate > 10^22 */

  /* count · 10^s / d = count · ⌊10^s / d⌋ + count · (10^s mod d) / d */
  denominator = pow10_u128 (rate.scale);
  quotient = denominator / rate.digits;
  remainder = denominator % rate.digits;
  if (quotient > cap)
    return cap;
  result = (unsigned __int128) count * quotient
           + (unsigned __int128) count * remainder / rate.digits;
  return result > cap ? cap : (guint64) result;
}

/* 1 − @value for 0 < value < 1, computed on the exact decimals: the double
 * nearest to 1 − 0.95 is 0.05, not 0.050000000000000044. */
static double
exact_complement (double value)
{
  char buffer[64];
  ExactRate exact = exact_rate_from_double (value);
  guint64 denominator = 1;

  if (exact.scale > 19)
    return 1.0 - value;  /* value < 10^−2; one rounding is all there is */

  for (guint i = 0; i < exact.scale; i++)
    denominator *= 10;
  g_snprintf (buffer, sizeof buffer, "%" G_GUINT64_FORMAT "e-%u",
              denominator - exact.digits, exact.scale);
  return g_ascii_strtod (buffer, NULL);
}

/**
 * case_review_format_rate:
 * @rate: a rate between 0 and 1
 *
 * Formats a rate as the decimal number the library computes with: the
 * shortest decimal that reads back as the same double, written out in full
 * (0.035 gives "0.035", 0.1 + 0.2 gives "0.30000000000000004", 1e-5 gives
 * "0.00001").
 *
 * This is the value used in every exact product such as
 * [func@CaseReview.rate_ceil_count]; it differs from the 17 digits of
 * `g_ascii_dtostr()`, which reads the same double as 0.035000000000000003.
 *
 * Returns: (transfer full): the decimal
 *
 * Since: 0.1
 */
char *
case_review_format_rate (double rate)
{
  g_autofree char *digits = NULL;
  ExactRate exact;
  gsize length;
  GString *text;

  g_return_val_if_fail (rate_is_valid (rate), NULL);

  exact = exact_rate_from_double (rate);
  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, exact.digits);
  if (exact.scale == 0)
    return g_steal_pointer (&digits);

  length = strlen (digits);
  text = g_string_new ("0.");
  for (gsize i = length; i < exact.scale; i++)
    g_string_append_c (text, '0');
  g_string_append (text, digits);
  return g_string_free (text, FALSE);
}

/**
 * case_review_rate_ceil_count:
 * @rate: a rate between 0 and 1
 * @count: a number of files
 *
 * Computes ⌈@count · @rate⌉ exactly, taking @rate as the decimal
 * [func@CaseReview.format_rate] prints: 0.035 · 400 is exactly 14, although
 * the double product is 14.000000000000002. Sample plans use this for the
 * allowed deviations ⌈n · expected rate⌉ and the critical count ⌈N ·
 * tolerable rate⌉.
 *
 * Returns: the rounded-up product, a number between 0 and @count
 *
 * Since: 0.1
 */
guint64
case_review_rate_ceil_count (double  rate,
                             guint64 count)
{
  g_return_val_if_fail (rate_is_valid (rate), 0);

  return exact_rate_ceil_times (exact_rate_from_double (rate), count);
}

static const char *
skip_spaces (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

/**
 * case_review_parse_rate:
 * @text: a rate written as a decimal ("0.05", ".035", "1") or a percentage
 *   ("5%", "3.5 %", "5％")
 * @out_rate: (out) (optional): return location for the rate, between 0 and 1
 *
 * Reads a rate the way a person writes it, for command lines and forms.
 * Spaces around the number are ignored; a trailing percent sign (ASCII or
 * full-width) divides by 100 exactly, so "3.5%" gives the double whose
 * shortest decimal is 0.035. Signs, exponents and thousands separators are
 * not accepted.
 *
 * Bindings that honour `(skip)` (PyGObject) return the rate alone and raise
 * on error; GJS 1.74 returns `[true, rate]`.
 *
 * Returns: (skip): %TRUE on success; %FALSE with @error set to
 *   %CASE_REVIEW_ERROR_PARSE when @text is not a number, or to
 *   %CASE_REVIEW_ERROR_INVALID when it is negative, above 1 (100%) or has
 *   more significant digits than a double holds exactly
 *
 * Since: 0.1
 */
gboolean
case_review_parse_rate (const char  *text,
                        double      *out_rate,
                        GError     **error)
{
  static const char fullwidth_percent[] = "\xef\xbc\x85";  /* U+FF05 ％ */
  const char *p, *end;
  gboolean percent = FALSE, seen_point = FALSE;
  guint n_digits = 0, n_significant = 0, fraction_digits = 0;
  guint64 digits = 0;
  guint scale;
  char buffer[64];
  double rate;
  guint64 check_digits;
  int check_exponent;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = skip_spaces (text);
  end = p + strlen (p);
  while (end > p && g_ascii_isspace (end[-1]))
    end--;

  if (end > p && end[-1] == '%')
    {
      percent = TRUE;
      end--;
    }
  else if (end - p >= 3 && memcmp (end - 3, fullwidth_percent, 3) == 0)
    {
      percent = TRUE;
      end -= 3;
    }
  while (percent && end > p && g_ascii_isspace (end[-1]))
    end--;

  /* Trailing zeros of a fraction are not significant digits. */
  {
    const char *point = memchr (p, '.', (gsize) (end - p));

    while (point != NULL && end - 1 > point + 1 && end[-1] == '0')
      end--;
  }

  if (end == p)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE,
                   _("text: “%s” is not a rate; write a decimal such as 0.05 or a percentage such as 5%%"),
                   text);
      return FALSE;
    }
  if (*p == '-')
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("text: “%s” is negative; a rate lies between 0 and 1 (0%% and 100%%)"), text);
      return FALSE;
    }

  for (const char *c = p; c < end; c++)
    {
      if (*c == '.' && !seen_point)
        {
          seen_point = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*c))
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE,
                       _("text: “%s” is not a rate (unexpected character at offset %d); write a decimal such as 0.05 or a percentage such as 5%%"),
                       text, (int) (c - text));
          return FALSE;
        }
      n_digits++;
      if (seen_point)
        fraction_digits++;
      if (n_significant == 0 && *c == '0')
        continue;  /* leading zeros */
      if (++n_significant > 19)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("text: “%s” has more significant digits than a double holds exactly"), text);
          return FALSE;
        }
      digits = digits * 10 + (guint64) (*c - '0');
    }
  if (n_digits == 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE,
                   _("text: “%s” is not a rate; write a decimal such as 0.05 or a percentage such as 5%%"),
                   text);
      return FALSE;
    }

  /* The exact value is digits · 10^−scale. */
  scale = fraction_digits + (percent ? 2 : 0);
  while (scale > 0 && digits % 10 == 0 && digits != 0)
    {
      digits /= 10;
      scale--;
    }
  if (digits == 0)
    scale = 0;

  if (scale < 19 && (unsigned __int128) digits > pow10_u128 (scale))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("text: “%s” is greater than 1 (100%%); a rate lies between 0 and 1"), text);
      return FALSE;
    }

  g_snprintf (buffer, sizeof buffer, "%" G_GUINT64_FORMAT "e-%u", digits, scale);
  rate = g_ascii_strtod (buffer, NULL);

  /* The library computes with the shortest decimal of the double: it must be
   * the decimal that was written. */
  shortest_decimal (rate, &check_digits, &check_exponent);
  if (check_digits != digits || (digits != 0 && check_exponent != -(int) scale))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("text: “%s” has more significant digits than a double holds exactly"), text);
      return FALSE;
    }

  if (out_rate != NULL)
    *out_rate = rate;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Distribution functions                                                  */
/* ---------------------------------------------------------------------- */

/**
 * case_review_binomial_cdf:
 * @k: a number of deviations
 * @n: the number of files drawn
 * @rate: the deviation rate, between 0 and 1
 *
 * Computes P(X ≤ @k) for X ~ Binomial (@n, @rate), to about 13 significant
 * digits for any @n.
 *
 * Returns: the probability, or NaN if @rate is not between 0 and 1
 *
 * Since: 0.1
 */
double
case_review_binomial_cdf (guint64 k,
                          guint64 n,
                          double  rate)
{
  g_return_val_if_fail (rate_is_valid (rate), NAN);

  return case_review_binomial_cdf_internal (k, n, rate);
}

/**
 * case_review_poisson_cdf:
 * @k: a number of deviations
 * @mean: the expected number of deviations, at least 0
 *
 * Computes P(X ≤ @k) for X ~ Poisson (@mean).
 *
 * Returns: the probability, or NaN if @mean is negative or not finite
 *
 * Since: 0.1
 */
double
case_review_poisson_cdf (guint64 k,
                         double  mean)
{
  g_return_val_if_fail (mean >= 0 && isfinite (mean), NAN);

  return case_review_poisson_cdf_internal (k, mean);
}

/**
 * case_review_hypergeometric_cdf:
 * @k: a number of deviations
 * @population_size: the number N of files in the population
 * @population_deviations: the number K of deviating files in the
 *   population, at most @population_size
 * @sample_size: the number n of files drawn without replacement, at most
 *   @population_size
 *
 * Computes P(X ≤ @k) for X ~ Hypergeometric (N, K, n), the number of
 * deviating files in a simple random sample of n files from N of which K
 * deviate.
 *
 * Returns: the probability, or NaN if K or n exceeds N
 *
 * Since: 0.1
 */
double
case_review_hypergeometric_cdf (guint64 k,
                                guint64 population_size,
                                guint64 population_deviations,
                                guint64 sample_size)
{
  g_return_val_if_fail (population_deviations <= population_size, NAN);
  g_return_val_if_fail (sample_size <= population_size, NAN);

  return case_review_hypergeometric_cdf_internal (k, population_size, population_deviations, sample_size);
}

/* ---------------------------------------------------------------------- */
/* Validation shared by plans and bounds                                   */
/* ---------------------------------------------------------------------- */

static gboolean
check_model (CaseReviewStatisticalModel model)
{
  return model == CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL ||
         model == CASE_REVIEW_STATISTICAL_MODEL_POISSON ||
         model == CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC;
}

static gboolean
validate_confidence (double   confidence,
                     GError **error)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (confidence > 0 && confidence < 1)
    return TRUE;

  format_number (confidence, number);
  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
               _("confidence: %s is not between 0 and 1 (exclusive)"), number);
  return FALSE;
}

static gboolean
validate_rate (double       rate,
               const char  *name,
               GError     **error)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (rate_is_valid (rate))
    return TRUE;

  format_number (rate, number);
  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
               _("%s: %s is not between 0 and 1"), name, number);
  return FALSE;
}

static gboolean
validate_population (CaseReviewStatisticalModel   model,
                     guint64                      population_size,
                     GError                     **error)
{
  if (model == CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC && population_size == 0)
    {
      g_set_error_literal (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                           _("population_size: the hypergeometric model needs the population size, at least 1 file"));
      return FALSE;
    }
  return TRUE;
}

/* "P < risk", false within the tie band. */
static gboolean
below (double probability,
       double risk)
{
  return probability < risk * (1 - TIE_BAND);
}

/* "P > α", false within the tie band. */
static gboolean
above (double probability,
       double alpha)
{
  return probability > alpha * (1 + TIE_BAND);
}

/* ---------------------------------------------------------------------- */
/* Attribute plans                                                         */
/* ---------------------------------------------------------------------- */

struct _CaseReviewAttributePlan
{
  CaseReviewStatisticalModel model;
  double   confidence;
  double   tolerable_rate;
  double   expected_rate;
  gboolean has_expected_rate;
  guint64  population_size;
  guint64  critical_count;
  guint64  sample_size;
  guint64  allowed_deviations;
  double   achieved_risk;
};

G_DEFINE_BOXED_TYPE (CaseReviewAttributePlan, case_review_attribute_plan,
                     case_review_attribute_plan_copy, case_review_attribute_plan_free)

/* The distribution of the deviations in a sample when the population's rate
 * is the tolerable rate. */
typedef struct {
  CaseReviewStatisticalModel model;
  double  rate;             /* binomial, Poisson */
  guint64 population_size;  /* hypergeometric N */
  guint64 critical_count;   /* hypergeometric K = ⌈N · tolerable⌉ */
} PlanModel;

/* P(X ≤ k) at sample size n; if it exceeds stop_above, possibly only a
 * partial sum that already does. */
static double
plan_cdf_until (const PlanModel *m,
                guint64          k,
                guint64          n,
                double           stop_above)
{
  double lower, upper;

  switch (m->model)
    {
    case CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL:
      case_review_binomial_tails (k, n, m->rate, stop_above, &lower, &upper);
      break;
    case CASE_REVIEW_STATISTICAL_MODEL_POISSON:
      case_review_poisson_tails (k, (double) n * m->rate, stop_above, &lower, &upper);
      break;
    case CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC:
    default:
      case_review_hypergeometric_tails (k, m->population_size, m->critical_count, n, stop_above, &lower, &upper);
      break;
    }
  return lower;
}

static double
plan_cdf (const PlanModel *m,
          guint64          k,
          guint64          n)
{
  return plan_cdf_until (m, k, n, INFINITY);
}

/* Whether P(X ≤ k | n) < risk (outside the tie band). */
static gboolean
plan_reaches (const PlanModel *m,
              guint64          k,
              guint64          n,
              double           risk)
{
  return below (plan_cdf_until (m, k, n, risk), risk);
}

/* The smallest n in [lo, hi] with P(X ≤ k | n) < risk, given that hi has it;
 * P(X ≤ k | n) decreases in n. */
static guint64
smallest_sample (const PlanModel *m,
                 guint64          k,
                 guint64          lo,
                 guint64          hi,
                 double           risk)
{
  while (lo < hi)
    {
      guint64 mid = lo + (hi - lo) / 2;

      if (plan_reaches (m, k, mid, risk))
        hi = mid;
      else
        lo = mid + 1;
    }
  return hi;
}

/* The smallest n ≤ cap with P(X ≤ ⌈n · expected⌉ | n) < risk.
 *
 * For expected > 0 the n with ⌈n · expected⌉ = k form the run (n_hi(k−1),
 * n_hi(k)] with n_hi(k) = ⌊k / expected⌋. Within a run P(X ≤ k | n) decreases
 * in n, so a run contains a solution exactly when its last n is one, and then
 * the first solution is found by bisection. Runs are tried in order of k; a
 * whole block of runs k1 … k2 is skipped at once when P(X ≤ k1 | n_hi(k2)) ≥
 * risk, a lower bound of P(X ≤ k | n) over the block (P increases with k and
 * decreases with n), with the block doubling while skips succeed and halving
 * when they fail. */
static gboolean
plan_search (const PlanModel *m,
             ExactRate        expected,
             guint64          cap,
             double           risk,
             guint64         *out_n,
             guint64         *out_k)
{
  guint64 k_max, k, block;

  if (expected.digits == 0)
    {
      if (!plan_reaches (m, 0, cap, risk))
        return FALSE;
      *out_k = 0;
      *out_n = smallest_sample (m, 0, 1, cap, risk);
      return TRUE;
    }

  k_max = exact_rate_ceil_times (expected, cap);
  k = 1;  /* ⌈n · expected⌉ ≥ 1 for every n ≥ 1 */
  block = 1;
  while (k <= k_max)
    {
      guint64 k_last = k_max - k + 1 > block ? k + block - 1 : k_max;
      guint64 n_last = exact_rate_floor_divide (k_last, expected, cap);

      if (!plan_reaches (m, k, n_last, risk))
        {
          k = k_last + 1;
          if (block < G_MAXUINT64 / 2)
            block *= 2;
          continue;
        }
      if (block == 1)
        {
          guint64 n_first = exact_rate_floor_divide (k - 1, expected, cap) + 1;

          *out_k = k;
          *out_n = smallest_sample (m, k, n_first, n_last, risk);
          return TRUE;
        }
      block /= 2;
    }

  return FALSE;
}

static CaseReviewAttributePlan *
attribute_plan_new_internal (CaseReviewStatisticalModel   model,
                             double                       confidence,
                             double                       tolerable_rate,
                             gboolean                     has_expected_rate,
                             double                       expected_rate,
                             guint64                      allowed_deviations,
                             guint64                      population_size,
                             GError                     **error)
{
  CaseReviewAttributePlan *plan;
  PlanModel m = { model, tolerable_rate, population_size, 0 };
  char tolerable_text[G_ASCII_DTOSTR_BUF_SIZE], expected_text[G_ASCII_DTOSTR_BUF_SIZE];
  guint64 cap, n, k;
  double risk;
  gboolean found;

  if (!validate_confidence (confidence, error) ||
      !validate_rate (tolerable_rate, "tolerable_rate", error) ||
      (has_expected_rate && !validate_rate (expected_rate, "expected_rate", error)))
    return NULL;

  format_number (tolerable_rate, tolerable_text);
  format_number (expected_rate, expected_text);
  if (tolerable_rate == 0)
    {
      g_set_error_literal (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                           _("tolerable_rate: 0 leaves no room for any deviation; the tolerable rate must be above 0"));
      return NULL;
    }
  /* Comparing the doubles compares their shortest decimals: the shortest
   * decimal of a double lies inside its rounding interval. */
  if (has_expected_rate && tolerable_rate <= expected_rate)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("tolerable_rate: %s is not above the expected rate %s; no sample can show the rate is below the tolerable rate"),
                   tolerable_text, expected_text);
      return NULL;
    }
  if (!validate_population (model, population_size, error))
    return NULL;

  risk = exact_complement (confidence);
  if (model == CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC)
    {
      m.critical_count = case_review_rate_ceil_count (tolerable_rate, population_size);
      cap = population_size;
    }
  else
    {
      cap = population_size > 0 ? MIN (population_size, MAX_PLAN_SAMPLE_SIZE) : MAX_PLAN_SAMPLE_SIZE;
    }

  if (has_expected_rate)
    {
      found = plan_search (&m, exact_rate_from_double (expected_rate), cap, risk, &n, &k);
    }
  else
    {
      k = allowed_deviations;
      found = plan_reaches (&m, k, cap, risk);
      if (found)
        n = smallest_sample (&m, k, 1, cap, risk);
    }

  if (!found)
    {
      if (model == CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC)
        g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                     _("population_size: no sample of at most the %" G_GUINT64_FORMAT " files of the population "
                       "reaches this confidence; the plan would need a sample larger than the population"),
                     population_size);
      else if (population_size > 0 && population_size < MAX_PLAN_SAMPLE_SIZE)
        g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                     _("population_size: no sample of at most the %" G_GUINT64_FORMAT " files of the population "
                       "reaches this confidence under this model; the plan would need a sample larger than the "
                       "population (the hypergeometric model needs fewer files)"),
                     population_size);
      else
        g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                     _("tolerable_rate: no sample of at most %" G_GUINT64_FORMAT " files reaches this confidence; "
                       "the tolerable rate %s is too close to what the sample may contain"),
                     MAX_PLAN_SAMPLE_SIZE, tolerable_text);
      return NULL;
    }

  plan = g_new0 (CaseReviewAttributePlan, 1);
  plan->model = model;
  plan->confidence = confidence;
  plan->tolerable_rate = tolerable_rate;
  plan->expected_rate = has_expected_rate ? expected_rate : 0.0;
  plan->has_expected_rate = has_expected_rate;
  plan->population_size = population_size;
  plan->critical_count = population_size > 0 ? case_review_rate_ceil_count (tolerable_rate, population_size) : 0;
  plan->sample_size = n;
  plan->allowed_deviations = k;
  plan->achieved_risk = plan_cdf (&m, k, n);
  return plan;
}

/**
 * case_review_attribute_plan_new:
 * @model: the probability model
 * @confidence: the required confidence, between 0 and 1 exclusive (0.95 for
 *   a 5% risk of overreliance)
 * @tolerable_rate: the deviation rate that must not be exceeded, above 0
 *   and at most 1
 * @expected_rate: the deviation rate expected in the population, at least 0
 *   and below @tolerable_rate
 * @population_size: the number N of files in the population; required (at
 *   least 1) for %CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC, 0 for an
 *   unlimited population under the other models
 *
 * Plans an attribute sample: finds the smallest sample size n such that
 * finding no more than k = ⌈n · @expected_rate⌉ deviations shows, with
 * @confidence, that the deviation rate is below @tolerable_rate, that is the
 * smallest n with P(X ≤ k) < 1 − @confidence where X is the number of
 * deviations in n files from a population whose rate is @tolerable_rate:
 * Binomial (n, @tolerable_rate), Poisson (n · @tolerable_rate) or
 * Hypergeometric (N, ⌈@tolerable_rate · N⌉, n).
 *
 * The products are exact (see [func@CaseReview.rate_ceil_count]), so that
 * the binomial model reproduces AICPA Table A-1 cell by cell: 0.95, 0.05,
 * 0 gives 59 files; 0.95, 0.05, 0.01 gives 93 files with 1 allowed
 * deviation. Given a population size, the binomial and Poisson plans may not
 * exceed it; they ask for at most 10^9 files.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set to
 *   %CASE_REVIEW_ERROR_INVALID naming the argument at fault: a confidence
 *   or rate out of range, a tolerable rate not above the expected rate, a
 *   hypergeometric model without population size, or a plan that no sample
 *   size reaches
 *
 * Since: 0.1
 */
CaseReviewAttributePlan *
case_review_attribute_plan_new (CaseReviewStatisticalModel   model,
                                double                       confidence,
                                double                       tolerable_rate,
                                double                       expected_rate,
                                guint64                      population_size,
                                GError                     **error)
{
  g_return_val_if_fail (check_model (model), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return attribute_plan_new_internal (model, confidence, tolerable_rate, TRUE, expected_rate, 0,
                                      population_size, error);
}

/**
 * case_review_attribute_plan_new_for_deviations:
 * @model: the probability model
 * @confidence: the required confidence, between 0 and 1 exclusive
 * @tolerable_rate: the deviation rate that must not be exceeded, above 0
 *   and at most 1
 * @allowed_deviations: the number k of deviations the sample may contain
 * @population_size: the number N of files in the population; required for
 *   %CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC, 0 for an unlimited
 *   population under the other models
 *
 * Plans an attribute sample with a fixed number of allowed deviations
 * instead of an expected rate: the smallest n with P(X ≤ @allowed_deviations)
 * < 1 − @confidence, with X as in [ctor@CaseReview.AttributePlan.new].
 *
 * The plan has no expected rate
 * ([method@CaseReview.AttributePlan.has_expected_rate] returns %FALSE).
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set to
 *   %CASE_REVIEW_ERROR_INVALID naming the argument at fault
 *
 * Since: 0.1
 */
CaseReviewAttributePlan *
case_review_attribute_plan_new_for_deviations (CaseReviewStatisticalModel   model,
                                               double                       confidence,
                                               double                       tolerable_rate,
                                               guint64                      allowed_deviations,
                                               guint64                      population_size,
                                               GError                     **error)
{
  g_return_val_if_fail (check_model (model), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return attribute_plan_new_internal (model, confidence, tolerable_rate, FALSE, 0.0, allowed_deviations,
                                      population_size, error);
}

/**
 * case_review_attribute_plan_copy:
 * @self: a plan
 *
 * Copies a plan.
 *
 * Returns: (transfer full): a copy of @self
 *
 * Since: 0.1
 */
CaseReviewAttributePlan *
case_review_attribute_plan_copy (const CaseReviewAttributePlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

/**
 * case_review_attribute_plan_free:
 * @self: (nullable): a plan
 *
 * Frees a plan.
 *
 * Since: 0.1
 */
void
case_review_attribute_plan_free (CaseReviewAttributePlan *self)
{
  g_free (self);
}

/**
 * case_review_attribute_plan_get_model:
 * @self: a plan
 *
 * Gets the probability model the plan was computed under.
 *
 * Returns: the model
 *
 * Since: 0.1
 */
CaseReviewStatisticalModel
case_review_attribute_plan_get_model (const CaseReviewAttributePlan *self)
{
  g_return_val_if_fail (self != NULL, CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL);

  return self->model;
}

/**
 * case_review_attribute_plan_get_confidence:
 * @self: a plan
 *
 * Gets the required confidence; the risk of overreliance is 1 minus it.
 *
 * Returns: the confidence, as given
 *
 * Since: 0.1
 */
double
case_review_attribute_plan_get_confidence (const CaseReviewAttributePlan *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->confidence;
}

/**
 * case_review_attribute_plan_get_tolerable_rate:
 * @self: a plan
 *
 * Gets the tolerable deviation rate.
 *
 * Returns: the rate, as given
 *
 * Since: 0.1
 */
double
case_review_attribute_plan_get_tolerable_rate (const CaseReviewAttributePlan *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->tolerable_rate;
}

/**
 * case_review_attribute_plan_get_expected_rate:
 * @self: a plan
 *
 * Gets the expected deviation rate the allowed deviations were computed
 * from.
 *
 * Returns: the rate, as given, or 0 for a plan made with
 *   [ctor@CaseReview.AttributePlan.new_for_deviations]
 *
 * Since: 0.1
 */
double
case_review_attribute_plan_get_expected_rate (const CaseReviewAttributePlan *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->expected_rate;
}

/**
 * case_review_attribute_plan_has_expected_rate:
 * @self: a plan
 *
 * Tells whether the plan was made from an expected rate
 * ([ctor@CaseReview.AttributePlan.new]) or from a fixed number of allowed
 * deviations ([ctor@CaseReview.AttributePlan.new_for_deviations]).
 *
 * Returns: %TRUE if the plan has an expected rate
 *
 * Since: 0.1
 */
gboolean
case_review_attribute_plan_has_expected_rate (const CaseReviewAttributePlan *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->has_expected_rate;
}

/**
 * case_review_attribute_plan_get_population_size:
 * @self: a plan
 *
 * Gets the population size the plan was made for.
 *
 * Returns: N, or 0 for an unlimited population
 *
 * Since: 0.1
 */
guint64
case_review_attribute_plan_get_population_size (const CaseReviewAttributePlan *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->population_size;
}

/**
 * case_review_attribute_plan_get_critical_count:
 * @self: a plan
 *
 * Gets the number of deviating files at the tolerable rate, K = ⌈N ·
 * tolerable rate⌉, which the hypergeometric model tests against.
 *
 * Returns: K, or 0 when the population size is unknown
 *
 * Since: 0.1
 */
guint64
case_review_attribute_plan_get_critical_count (const CaseReviewAttributePlan *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->critical_count;
}

/**
 * case_review_attribute_plan_get_sample_size:
 * @self: a plan
 *
 * Gets the planned sample size.
 *
 * Returns: the number of files to review, at least 1
 *
 * Since: 0.1
 */
guint64
case_review_attribute_plan_get_sample_size (const CaseReviewAttributePlan *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sample_size;
}

/**
 * case_review_attribute_plan_get_allowed_deviations:
 * @self: a plan
 *
 * Gets the number of deviations the sample may contain for the conclusion
 * to hold: ⌈n · expected rate⌉, or the number given.
 *
 * Returns: the allowed deviations k
 *
 * Since: 0.1
 */
guint64
case_review_attribute_plan_get_allowed_deviations (const CaseReviewAttributePlan *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->allowed_deviations;
}

/**
 * case_review_attribute_plan_get_achieved_risk:
 * @self: a plan
 *
 * Gets the risk the plan actually achieves: P(X ≤ k) at the planned sample
 * size when the population's rate is the tolerable rate. It is below 1 −
 * confidence, usually only a little.
 *
 * Returns: the achieved risk of overreliance
 *
 * Since: 0.1
 */
double
case_review_attribute_plan_get_achieved_risk (const CaseReviewAttributePlan *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->achieved_risk;
}

/* ---------------------------------------------------------------------- */
/* Bounds                                                                  */
/* ---------------------------------------------------------------------- */

struct _CaseReviewBound
{
  CaseReviewStatisticalModel model;
  double   confidence;
  gboolean two_sided;
  guint64  sample_size;
  guint64  deviations;
  guint64  population_size;
  double   lower;
  double   upper;
  guint64  lower_count;
  guint64  upper_count;
};

G_DEFINE_BOXED_TYPE (CaseReviewBound, case_review_bound, case_review_bound_copy, case_review_bound_free)

/* The largest K in [k, N − n + k] with P(X ≤ k | N, K, n) > tail. */
static guint64
hypergeometric_upper_count (guint64 k,
                            guint64 N,
                            guint64 n,
                            double  tail)
{
  guint64 lo = k, hi = N - n + k;

  /* P(X ≤ k | K = k) = 1 > tail: lo always qualifies. */
  while (lo < hi)
    {
      guint64 mid = lo + (hi - lo + 1) / 2;

      if (above (case_review_hypergeometric_cdf_internal (k, N, mid, n), tail))
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

/* The smallest K in [k, N − n + k] with P(X ≥ k | N, K, n) > tail. */
static guint64
hypergeometric_lower_count (guint64 k,
                            guint64 N,
                            guint64 n,
                            double  tail)
{
  guint64 lo = k, hi = N - n + k;

  if (k == 0)
    return 0;

  /* P(X ≥ k | K = N − n + k) = 1 > tail: hi always qualifies. */
  while (lo < hi)
    {
      guint64 mid = lo + (hi - lo) / 2;

      double lower, upper;

      case_review_hypergeometric_tails (k - 1, N, mid, n, INFINITY, &lower, &upper);
      if (above (upper, tail))
        hi = mid;
      else
        lo = mid + 1;
    }
  return hi;
}

static CaseReviewBound *
bound_new_internal (CaseReviewStatisticalModel   model,
                    double                       confidence,
                    guint64                      sample_size,
                    guint64                      deviations,
                    guint64                      population_size,
                    gboolean                     two_sided,
                    GError                     **error)
{
  CaseReviewBound *bound;
  double alpha, tail, n = (double) sample_size;

  if (!validate_confidence (confidence, error))
    return NULL;
  if (sample_size == 0)
    {
      g_set_error_literal (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                           _("sample_size: 0 files were reviewed; a bound needs a sample of at least 1 file"));
      return NULL;
    }
  if (deviations > sample_size)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("deviations: %" G_GUINT64_FORMAT " is more than the sample size %" G_GUINT64_FORMAT),
                   deviations, sample_size);
      return NULL;
    }
  if (!validate_population (model, population_size, error))
    return NULL;
  if (population_size > 0 && sample_size > population_size)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("sample_size: %" G_GUINT64_FORMAT " is larger than the population size %" G_GUINT64_FORMAT),
                   sample_size, population_size);
      return NULL;
    }

  alpha = exact_complement (confidence);
  tail = two_sided ? alpha / 2 : alpha;

  bound = g_new0 (CaseReviewBound, 1);
  bound->model = model;
  bound->confidence = confidence;
  bound->two_sided = two_sided;
  bound->sample_size = sample_size;
  bound->deviations = deviations;
  bound->population_size = population_size;

  switch (model)
    {
    case CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL:
      /* Clopper–Pearson: P(Bin (n, p_U) ≤ k) = tail, i.e. 1 − I_p(k+1, n−k) =
       * tail; P(Bin (n, p_L) ≥ k) = P(Bin (n, p_L) > k−1) = tail, i.e.
       * I_p(k, n−k+1) = tail. */
      if (deviations == sample_size)
        bound->upper = 1.0;
      else if (deviations == 0)
        bound->upper = -expm1 (log (tail) / n);  /* (1 − p)^n = tail */
      else
        bound->upper = case_review_binomial_rate_quantile (deviations, sample_size, tail, FALSE);
      if (two_sided && deviations > 0)
        bound->lower = deviations == sample_size ? exp (log (tail) / n)  /* p^n = tail */
                                                 : case_review_binomial_rate_quantile (deviations - 1, sample_size, tail, TRUE);
      break;

    case CASE_REVIEW_STATISTICAL_MODEL_POISSON:
      /* P(Pois (μ_U) ≤ k) = Q(k+1, μ_U) = tail; P(Pois (μ_L) > k−1) = P(k,
       * μ_L) = tail; the rate is μ / n. */
      if (deviations == 0)
        bound->upper = -log (tail) / n;
      else
        bound->upper = case_review_poisson_mean_quantile (deviations, tail, FALSE) / n;
      if (two_sided && deviations > 0)
        bound->lower = case_review_poisson_mean_quantile (deviations - 1, tail, TRUE) / n;
      break;

    case CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC:
    default:
      bound->upper_count = hypergeometric_upper_count (deviations, population_size, sample_size, tail);
      bound->upper = (double) bound->upper_count / (double) population_size;
      if (two_sided)
        {
          bound->lower_count = hypergeometric_lower_count (deviations, population_size, sample_size, tail);
          bound->lower = (double) bound->lower_count / (double) population_size;
        }
      break;
    }

  return bound;
}

/**
 * case_review_bound_new_upper:
 * @model: the probability model
 * @confidence: the confidence of the bound, between 0 and 1 exclusive
 * @sample_size: the number n of files reviewed, at least 1
 * @deviations: the number k of deviations found, at most @sample_size
 * @population_size: the number N of files in the population; required for
 *   %CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC, otherwise 0 or at least
 *   @sample_size
 *
 * Computes the one-sided upper confidence limit of the deviation rate after
 * @deviations deviations in @sample_size files: the rate p (or count K) at
 * which finding @deviations or fewer would have probability 1 − @confidence.
 *
 * - binomial: Clopper–Pearson, the p with P(Binomial (n, p) ≤ k) = 1 −
 *   confidence, a beta quantile; 59 files without deviation give 0.0495 at
 *   95%, 100 files with one give 0.04656;
 * - Poisson: μ/n for the μ with P(Poisson (μ) ≤ k) = 1 − confidence, a gamma
 *   quantile; the rate is not clamped and can exceed 1 for small samples;
 * - hypergeometric: the largest K with P(X ≤ k | N, K, n) > 1 − confidence,
 *   reported as the count ([method@CaseReview.Bound.get_upper_count]) and as
 *   the rate K/N.
 *
 * The lower limit of a one-sided bound is 0.
 *
 * Returns: (transfer full) (nullable): the bound, or %NULL with @error set to
 *   %CASE_REVIEW_ERROR_INVALID naming the argument at fault
 *
 * Since: 0.1
 */
CaseReviewBound *
case_review_bound_new_upper (CaseReviewStatisticalModel   model,
                             double                       confidence,
                             guint64                      sample_size,
                             guint64                      deviations,
                             guint64                      population_size,
                             GError                     **error)
{
  g_return_val_if_fail (check_model (model), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bound_new_internal (model, confidence, sample_size, deviations, population_size, FALSE, error);
}

/**
 * case_review_bound_new_interval:
 * @model: the probability model
 * @confidence: the confidence of the interval, between 0 and 1 exclusive
 * @sample_size: the number n of files reviewed, at least 1
 * @deviations: the number k of deviations found, at most @sample_size
 * @population_size: the number N of files in the population; required for
 *   %CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC, otherwise 0 or at least
 *   @sample_size
 *
 * Computes the two-sided confidence interval of the deviation rate, with
 * half of 1 − @confidence on each side: the upper limit is the one-sided
 * limit of [ctor@CaseReview.Bound.new_upper] at (1 + @confidence) / 2 and
 * the lower limit the p with P(X ≥ k) = (1 − @confidence) / 2 (for the
 * hypergeometric model the smallest K with P(X ≥ k | N, K, n) above it).
 * No deviations give a lower limit of 0; deviations in every file an upper
 * limit of 1 (binomial).
 *
 * Returns: (transfer full) (nullable): the bound, or %NULL with @error set to
 *   %CASE_REVIEW_ERROR_INVALID naming the argument at fault
 *
 * Since: 0.1
 */
CaseReviewBound *
case_review_bound_new_interval (CaseReviewStatisticalModel   model,
                                double                       confidence,
                                guint64                      sample_size,
                                guint64                      deviations,
                                guint64                      population_size,
                                GError                     **error)
{
  g_return_val_if_fail (check_model (model), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bound_new_internal (model, confidence, sample_size, deviations, population_size, TRUE, error);
}

/**
 * case_review_bound_copy:
 * @self: a bound
 *
 * Copies a bound.
 *
 * Returns: (transfer full): a copy of @self
 *
 * Since: 0.1
 */
CaseReviewBound *
case_review_bound_copy (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

/**
 * case_review_bound_free:
 * @self: (nullable): a bound
 *
 * Frees a bound.
 *
 * Since: 0.1
 */
void
case_review_bound_free (CaseReviewBound *self)
{
  g_free (self);
}

/**
 * case_review_bound_get_model:
 * @self: a bound
 *
 * Gets the probability model of the bound.
 *
 * Returns: the model
 *
 * Since: 0.1
 */
CaseReviewStatisticalModel
case_review_bound_get_model (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL);

  return self->model;
}

/**
 * case_review_bound_get_confidence:
 * @self: a bound
 *
 * Gets the confidence of the bound.
 *
 * Returns: the confidence, as given
 *
 * Since: 0.1
 */
double
case_review_bound_get_confidence (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->confidence;
}

/**
 * case_review_bound_is_two_sided:
 * @self: a bound
 *
 * Tells a two-sided interval from a one-sided upper limit.
 *
 * Returns: %TRUE for an interval made by
 *   [ctor@CaseReview.Bound.new_interval]
 *
 * Since: 0.1
 */
gboolean
case_review_bound_is_two_sided (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->two_sided;
}

/**
 * case_review_bound_get_sample_size:
 * @self: a bound
 *
 * Gets the number of files reviewed.
 *
 * Returns: n
 *
 * Since: 0.1
 */
guint64
case_review_bound_get_sample_size (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sample_size;
}

/**
 * case_review_bound_get_deviations:
 * @self: a bound
 *
 * Gets the number of deviations found in the sample.
 *
 * Returns: k
 *
 * Since: 0.1
 */
guint64
case_review_bound_get_deviations (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->deviations;
}

/**
 * case_review_bound_get_population_size:
 * @self: a bound
 *
 * Gets the population size the bound was computed for.
 *
 * Returns: N, or 0 if none was given
 *
 * Since: 0.1
 */
guint64
case_review_bound_get_population_size (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->population_size;
}

/**
 * case_review_bound_get_estimate:
 * @self: a bound
 *
 * Gets the point estimate of the deviation rate, k/n.
 *
 * Returns: the sample deviation rate
 *
 * Since: 0.1
 */
double
case_review_bound_get_estimate (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return (double) self->deviations / (double) self->sample_size;
}

/**
 * case_review_bound_get_lower:
 * @self: a bound
 *
 * Gets the lower confidence limit of the deviation rate.
 *
 * Returns: the lower limit; 0 for a one-sided bound or when no deviation
 *   was found
 *
 * Since: 0.1
 */
double
case_review_bound_get_lower (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->lower;
}

/**
 * case_review_bound_get_upper:
 * @self: a bound
 *
 * Gets the upper confidence limit of the deviation rate (for the
 * hypergeometric model the upper count divided by N).
 *
 * Returns: the upper limit
 *
 * Since: 0.1
 */
double
case_review_bound_get_upper (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->upper;
}

/**
 * case_review_bound_get_lower_count:
 * @self: a bound
 *
 * Gets the lower confidence limit of the number of deviating files in the
 * population under the hypergeometric model.
 *
 * Returns: the smallest K not rejected, or 0 for a one-sided bound or the
 *   other models
 *
 * Since: 0.1
 */
guint64
case_review_bound_get_lower_count (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lower_count;
}

/**
 * case_review_bound_get_upper_count:
 * @self: a bound
 *
 * Gets the upper confidence limit of the number of deviating files in the
 * population under the hypergeometric model: the largest K with P(X ≤ k |
 * N, K, n) > 1 − confidence (half of it for an interval).
 *
 * Returns: the largest K not rejected, or 0 for the other models
 *
 * Since: 0.1
 */
guint64
case_review_bound_get_upper_count (const CaseReviewBound *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->upper_count;
}

/* ---------------------------------------------------------------------- */
/* Stratified estimates                                                    */
/* ---------------------------------------------------------------------- */

typedef struct {
  guint64 population_size;
  guint64 sample_size;
  guint64 deviations;
} Stratum;

struct _CaseReviewStratifiedBound
{
  double   confidence;
  double   stratum_confidence;
  guint64  population_size;
  guint64  sample_size;
  guint64  deviations;
  double   estimated_deviations;
  guint64  upper_count;
  guint    n_strata;
  guint64  stratum_upper_counts[];
};

static gsize
stratified_bound_size (guint n_strata)
{
  return sizeof (CaseReviewStratifiedBound) + n_strata * sizeof (guint64);
}

G_DEFINE_BOXED_TYPE (CaseReviewStratifiedBound, case_review_stratified_bound,
                     case_review_stratified_bound_copy, case_review_stratified_bound_free)

struct _CaseReviewStratifiedEstimate
{
  GObject parent_instance;

  GArray *strata;  /* of Stratum */
};

G_DEFINE_FINAL_TYPE (CaseReviewStratifiedEstimate, case_review_stratified_estimate, G_TYPE_OBJECT)

static void
case_review_stratified_estimate_finalize (GObject *object)
{
  CaseReviewStratifiedEstimate *self = CASE_REVIEW_STRATIFIED_ESTIMATE (object);

  g_array_unref (self->strata);

  G_OBJECT_CLASS (case_review_stratified_estimate_parent_class)->finalize (object);
}

static void
case_review_stratified_estimate_class_init (CaseReviewStratifiedEstimateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_stratified_estimate_finalize;
}

static void
case_review_stratified_estimate_init (CaseReviewStratifiedEstimate *self)
{
  self->strata = g_array_new (FALSE, FALSE, sizeof (Stratum));
}

/**
 * case_review_stratified_estimate_new:
 *
 * Creates an estimate without strata; add them with
 * [method@CaseReview.StratifiedEstimate.add_stratum].
 *
 * Returns: (transfer full): a new estimate
 *
 * Since: 0.1
 */
CaseReviewStratifiedEstimate *
case_review_stratified_estimate_new (void)
{
  return g_object_new (CASE_REVIEW_TYPE_STRATIFIED_ESTIMATE, NULL);
}

/**
 * case_review_stratified_estimate_add_stratum:
 * @self: an estimate
 * @population_size: the number N_h of files in the stratum, at least 1
 * @sample_size: the number n_h of files reviewed from it, between 1 and
 *   @population_size
 * @deviations: the number k_h of deviations found, at most @sample_size
 *
 * Adds a stratum sampled by simple random sampling without replacement.
 * On error the estimate is unchanged.
 *
 * Returns: %TRUE if the stratum was added; %FALSE with @error set to
 *   %CASE_REVIEW_ERROR_INVALID naming the argument at fault
 *
 * Since: 0.1
 */
gboolean
case_review_stratified_estimate_add_stratum (CaseReviewStratifiedEstimate  *self,
                                             guint64                        population_size,
                                             guint64                        sample_size,
                                             guint64                        deviations,
                                             GError                       **error)
{
  Stratum stratum = { population_size, sample_size, deviations };

  g_return_val_if_fail (CASE_REVIEW_IS_STRATIFIED_ESTIMATE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (population_size == 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("population_size: stratum %u has no files; a stratum needs at least 1"),
                   self->strata->len + 1);
      return FALSE;
    }
  if (sample_size == 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("sample_size: no file of stratum %u was reviewed; each stratum needs a sample of at least 1"),
                   self->strata->len + 1);
      return FALSE;
    }
  if (sample_size > population_size)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("sample_size: %" G_GUINT64_FORMAT " is larger than the population size %" G_GUINT64_FORMAT
                     " of stratum %u"),
                   sample_size, population_size, self->strata->len + 1);
      return FALSE;
    }
  if (deviations > sample_size)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("deviations: %" G_GUINT64_FORMAT " is more than the sample size %" G_GUINT64_FORMAT
                     " of stratum %u"),
                   deviations, sample_size, self->strata->len + 1);
      return FALSE;
    }

  g_array_append_val (self->strata, stratum);
  return TRUE;
}

/**
 * case_review_stratified_estimate_get_n_strata:
 * @self: an estimate
 *
 * Gets the number of strata added so far.
 *
 * Returns: the number of strata
 *
 * Since: 0.1
 */
guint
case_review_stratified_estimate_get_n_strata (CaseReviewStratifiedEstimate *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_STRATIFIED_ESTIMATE (self), 0);

  return self->strata->len;
}

/**
 * case_review_stratified_estimate_compute:
 * @self: an estimate with at least one stratum
 * @confidence: the confidence of the upper bound, between 0 and 1 exclusive
 *
 * Estimates the deviations of all strata together.
 *
 * The point estimate is the Horvitz–Thompson estimator Σ N_h · k_h / n_h
 * (each reviewed file of stratum h stands for N_h / n_h files). The upper
 * bound is Σ K_h, where K_h is the exact hypergeometric upper limit of
 * stratum h ([ctor@CaseReview.Bound.new_upper]) at confidence 1 − (1 −
 * @confidence) / H for H strata. By Bonferroni's inequality all H limits
 * hold together with probability at least @confidence, and then so does
 * their sum; the bound is conservative, as `docs/statistics.md` explains.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set to
 *   %CASE_REVIEW_ERROR_INVALID when there are no strata or @confidence is out
 *   of range
 *
 * Since: 0.1
 */
CaseReviewStratifiedBound *
case_review_stratified_estimate_compute (CaseReviewStratifiedEstimate  *self,
                                         double                         confidence,
                                         GError                       **error)
{
  CaseReviewStratifiedBound *result;
  guint n_strata;
  double alpha, tail;

  g_return_val_if_fail (CASE_REVIEW_IS_STRATIFIED_ESTIMATE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_strata = self->strata->len;
  if (n_strata == 0)
    {
      g_set_error_literal (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                           _("self: the estimate has no strata; add at least one before computing"));
      return NULL;
    }
  if (!validate_confidence (confidence, error))
    return NULL;

  alpha = exact_complement (confidence);
  tail = alpha / n_strata;

  result = g_malloc0 (stratified_bound_size (n_strata));
  result->confidence = confidence;
  result->stratum_confidence = 1.0 - tail;
  result->n_strata = n_strata;
  for (guint h = 0; h < n_strata; h++)
    {
      const Stratum *s = &g_array_index (self->strata, Stratum, h);
      guint64 upper = hypergeometric_upper_count (s->deviations, s->population_size, s->sample_size, tail);

      result->population_size += s->population_size;
      result->sample_size += s->sample_size;
      result->deviations += s->deviations;
      result->estimated_deviations += (double) s->population_size * (double) s->deviations / (double) s->sample_size;
      result->stratum_upper_counts[h] = upper;
      result->upper_count += upper;
    }

  return result;
}

/**
 * case_review_stratified_bound_copy:
 * @self: a stratified bound
 *
 * Copies a stratified bound.
 *
 * Returns: (transfer full): a copy of @self
 *
 * Since: 0.1
 */
CaseReviewStratifiedBound *
case_review_stratified_bound_copy (const CaseReviewStratifiedBound *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, stratified_bound_size (self->n_strata));
}

/**
 * case_review_stratified_bound_free:
 * @self: (nullable): a stratified bound
 *
 * Frees a stratified bound.
 *
 * Since: 0.1
 */
void
case_review_stratified_bound_free (CaseReviewStratifiedBound *self)
{
  g_free (self);
}

/**
 * case_review_stratified_bound_get_confidence:
 * @self: a stratified bound
 *
 * Gets the confidence of the overall upper bound.
 *
 * Returns: the confidence, as given
 *
 * Since: 0.1
 */
double
case_review_stratified_bound_get_confidence (const CaseReviewStratifiedBound *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->confidence;
}

/**
 * case_review_stratified_bound_get_stratum_confidence:
 * @self: a stratified bound
 *
 * Gets the Bonferroni-adjusted confidence of each stratum's limit, 1 − (1 −
 * confidence) / H.
 *
 * Returns: the per-stratum confidence
 *
 * Since: 0.1
 */
double
case_review_stratified_bound_get_stratum_confidence (const CaseReviewStratifiedBound *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->stratum_confidence;
}

/**
 * case_review_stratified_bound_get_n_strata:
 * @self: a stratified bound
 *
 * Gets the number of strata H.
 *
 * Returns: H
 *
 * Since: 0.1
 */
guint
case_review_stratified_bound_get_n_strata (const CaseReviewStratifiedBound *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_strata;
}

/**
 * case_review_stratified_bound_get_population_size:
 * @self: a stratified bound
 *
 * Gets the number of files in all strata, Σ N_h.
 *
 * Returns: the total population size
 *
 * Since: 0.1
 */
guint64
case_review_stratified_bound_get_population_size (const CaseReviewStratifiedBound *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->population_size;
}

/**
 * case_review_stratified_bound_get_sample_size:
 * @self: a stratified bound
 *
 * Gets the number of files reviewed in all strata, Σ n_h.
 *
 * Returns: the total sample size
 *
 * Since: 0.1
 */
guint64
case_review_stratified_bound_get_sample_size (const CaseReviewStratifiedBound *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sample_size;
}

/**
 * case_review_stratified_bound_get_deviations:
 * @self: a stratified bound
 *
 * Gets the number of deviations found in all samples, Σ k_h.
 *
 * Returns: the total deviations found
 *
 * Since: 0.1
 */
guint64
case_review_stratified_bound_get_deviations (const CaseReviewStratifiedBound *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->deviations;
}

/**
 * case_review_stratified_bound_get_estimated_deviations:
 * @self: a stratified bound
 *
 * Gets the Horvitz–Thompson estimate of the number of deviating files in
 * the population, Σ N_h · k_h / n_h.
 *
 * Returns: the estimated total
 *
 * Since: 0.1
 */
double
case_review_stratified_bound_get_estimated_deviations (const CaseReviewStratifiedBound *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->estimated_deviations;
}

/**
 * case_review_stratified_bound_get_estimated_rate:
 * @self: a stratified bound
 *
 * Gets the estimated deviation rate of the population, the estimated total
 * divided by Σ N_h.
 *
 * Returns: the estimated rate
 *
 * Since: 0.1
 */
double
case_review_stratified_bound_get_estimated_rate (const CaseReviewStratifiedBound *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->estimated_deviations / (double) self->population_size;
}

/**
 * case_review_stratified_bound_get_upper_count:
 * @self: a stratified bound
 *
 * Gets the conservative upper bound on the number of deviating files in
 * the population: the sum of the strata's Bonferroni-adjusted exact
 * hypergeometric upper limits.
 *
 * Returns: the upper bound on the count
 *
 * Since: 0.1
 */
guint64
case_review_stratified_bound_get_upper_count (const CaseReviewStratifiedBound *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->upper_count;
}

/**
 * case_review_stratified_bound_get_upper_rate:
 * @self: a stratified bound
 *
 * Gets the upper bound on the deviation rate of the population, the upper
 * count divided by Σ N_h.
 *
 * Returns: the upper bound on the rate
 *
 * Since: 0.1
 */
double
case_review_stratified_bound_get_upper_rate (const CaseReviewStratifiedBound *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return (double) self->upper_count / (double) self->population_size;
}

/**
 * case_review_stratified_bound_get_stratum_upper_count:
 * @self: a stratified bound
 * @index: the index of a stratum, in the order they were added
 *
 * Gets one stratum's exact hypergeometric upper limit at the per-stratum
 * confidence ([method@CaseReview.StratifiedBound.get_stratum_confidence]).
 *
 * Returns: the stratum's upper count
 *
 * Since: 0.1
 */
guint64
case_review_stratified_bound_get_stratum_upper_count (const CaseReviewStratifiedBound *self,
                                                      guint                            index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->n_strata, 0);

  return self->stratum_upper_counts[index];
}
