// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The statistics module: exact rates, the three distribution functions,
// attribute sample-size plans (every cell of AICPA Table A-1), confidence
// bounds and the stratified estimate. Reference values come from the
// definitions (brute-force scans, closed forms) or, for the bounds, from
// 50-digit bisection of the exact binomial and Poisson sums with Python's
// decimal module (tests/python/test_statistics.py recomputes them).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" {
#include <libcasereview/casereview.h>
}

namespace {

struct PlanDeleter {
  void operator() (CaseReviewAttributePlan *plan) const { case_review_attribute_plan_free (plan); }
};
using PlanPtr = std::unique_ptr<CaseReviewAttributePlan, PlanDeleter>;

struct BoundDeleter {
  void operator() (CaseReviewBound *bound) const { case_review_bound_free (bound); }
};
using BoundPtr = std::unique_ptr<CaseReviewBound, BoundDeleter>;

struct StratifiedBoundDeleter {
  void operator() (CaseReviewStratifiedBound *bound) const { case_review_stratified_bound_free (bound); }
};
using StratifiedBoundPtr = std::unique_ptr<CaseReviewStratifiedBound, StratifiedBoundDeleter>;

struct ObjectDeleter {
  void operator() (gpointer object) const { g_object_unref (object); }
};
using EstimatePtr = std::unique_ptr<CaseReviewStratifiedEstimate, ObjectDeleter>;

struct ErrorDeleter {
  void operator() (GError *error) const { g_error_free (error); }
};
using ErrorPtr = std::unique_ptr<GError, ErrorDeleter>;

constexpr auto BINOMIAL = CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL;
constexpr auto POISSON = CASE_REVIEW_STATISTICAL_MODEL_POISSON;
constexpr auto HYPERGEOMETRIC = CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC;

PlanPtr
plan (CaseReviewStatisticalModel model, double confidence, double tolerable, double expected, guint64 population = 0)
{
  GError *error = nullptr;
  PlanPtr result (case_review_attribute_plan_new (model, confidence, tolerable, expected, population, &error));
  EXPECT_EQ (error, nullptr) << error->message;
  if (error != nullptr)
    g_error_free (error);
  return result;
}

guint64
sample_size (CaseReviewStatisticalModel model, double confidence, double tolerable, double expected,
             guint64 population = 0)
{
  PlanPtr p = plan (model, confidence, tolerable, expected, population);
  return p ? case_review_attribute_plan_get_sample_size (p.get ()) : 0;
}

BoundPtr
upper_bound (CaseReviewStatisticalModel model, double confidence, guint64 n, guint64 k, guint64 population = 0)
{
  GError *error = nullptr;
  BoundPtr result (case_review_bound_new_upper (model, confidence, n, k, population, &error));
  EXPECT_EQ (error, nullptr) << error->message;
  if (error != nullptr)
    g_error_free (error);
  return result;
}

BoundPtr
interval (CaseReviewStatisticalModel model, double confidence, guint64 n, guint64 k, guint64 population = 0)
{
  GError *error = nullptr;
  BoundPtr result (case_review_bound_new_interval (model, confidence, n, k, population, &error));
  EXPECT_EQ (error, nullptr) << error->message;
  if (error != nullptr)
    g_error_free (error);
  return result;
}

// The error is CASE_REVIEW_ERROR_INVALID (or @code) and its message starts
// with "<parameter>:".
void
expect_error (GError *raw, const char *parameter, int code = CASE_REVIEW_ERROR_INVALID)
{
  ErrorPtr error (raw);
  ASSERT_NE (error, nullptr) << "expected an error naming " << parameter;
  EXPECT_TRUE (g_error_matches (error.get (), CASE_REVIEW_ERROR, code)) << error->message;
  std::string prefix = std::string (parameter) + ":";
  EXPECT_EQ (std::string (error->message).rfind (prefix, 0), 0u) << error->message;
  EXPECT_TRUE (g_utf8_validate (error->message, -1, nullptr));
}

void
expect_plan_error (CaseReviewStatisticalModel model, double confidence, double tolerable, double expected,
                   guint64 population, const char *parameter)
{
  GError *error = nullptr;
  PlanPtr p (case_review_attribute_plan_new (model, confidence, tolerable, expected, population, &error));
  EXPECT_EQ (p, nullptr);
  expect_error (error, parameter);
}

::testing::AssertionResult
relatively_near (double actual, double expected, double tolerance)
{
  double error = std::fabs (actual - expected) / std::fabs (expected);
  if (actual == expected || error <= tolerance)
    return ::testing::AssertionSuccess ();
  return ::testing::AssertionFailure () << actual << " differs from " << expected << " by " << error
                                        << " relative (tolerance " << tolerance << ")";
}

std::string
format_rate (double rate)
{
  char *text = case_review_format_rate (rate);
  std::string result (text);
  g_free (text);
  return result;
}

double
parse_rate (const char *text)
{
  GError *error = nullptr;
  double rate = -1;
  EXPECT_TRUE (case_review_parse_rate (text, &rate, &error)) << text;
  if (error != nullptr)
    {
      ADD_FAILURE () << error->message;
      g_error_free (error);
    }
  return rate;
}

// ∏ (N−K−i)/(N−i), i < n: P(no deviation in n of N with K deviating).
double
probability_of_none (guint64 N, guint64 K, guint64 n)
{
  long double p = 1;
  for (guint64 i = 0; i < n; i++)
    p *= (long double) (N - K - i) / (long double) (N - i);
  return (double) p;
}

} // namespace

// ---------------------------------------------------------------------------
// Exact rates

TEST (Rate, FormatIsTheShortestRoundTripDecimal)
{
  EXPECT_EQ (format_rate (0.035), "0.035");
  EXPECT_EQ (format_rate (0.05), "0.05");
  EXPECT_EQ (format_rate (0.1), "0.1");
  EXPECT_EQ (format_rate (0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ (format_rate (1e-5), "0.00001");
  EXPECT_EQ (format_rate (0.0), "0");
  EXPECT_EQ (format_rate (1.0), "1");
  EXPECT_EQ (format_rate (0.125), "0.125");

  // The smallest subnormal: 323 zeros after the point, then 5.
  std::string tiny = format_rate (5e-324);
  EXPECT_EQ (tiny.size (), 2u + 323u + 1u);
  EXPECT_EQ (tiny.substr (tiny.size () - 2), "05");

  // g_ascii_dtostr() is not shortest: it gives 17 digits.
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  EXPECT_STREQ (g_ascii_dtostr (buffer, sizeof buffer, 0.035), "0.035000000000000003");
}

TEST (Rate, FormatReadsBackAsTheSameDouble)
{
  std::mt19937_64 source (7);
  for (int i = 0; i < 20000; i++)
    {
      double rate = std::ldexp ((double) (source () >> 11), -53) * std::ldexp (1.0, -(int) (source () % 40));
      std::string text = format_rate (rate);
      ASSERT_EQ (g_ascii_strtod (text.c_str (), nullptr), rate) << text;
      // Shortest: without its last digit it no longer reads back.
      std::string digits = text.substr (text.find_first_not_of ("0.", 0));
      if (digits.size () > 1)
        {
          std::string shorter = text.substr (0, text.size () - 1);
          ASSERT_NE (g_ascii_strtod (shorter.c_str (), nullptr), rate) << text;
        }
    }
}

TEST (Rate, CeilCountIsExact)
{
  // jfa's bug: in doubles 400 · 0.035 is 14.000000000000002, which rounds up
  // to 15; the exact product is 14.
  EXPECT_EQ (std::ceil (400 * 0.035), 15.0);
  EXPECT_EQ (case_review_rate_ceil_count (0.035, 400), 14u);
  EXPECT_EQ (std::ceil (200 * 0.035), 8.0);
  EXPECT_EQ (case_review_rate_ceil_count (0.035, 200), 7u);
  EXPECT_EQ (case_review_rate_ceil_count (0.07, 100), 7u);
  EXPECT_EQ (case_review_rate_ceil_count (0.0, 1000), 0u);
  EXPECT_EQ (case_review_rate_ceil_count (1.0, 1000), 1000u);
  EXPECT_EQ (case_review_rate_ceil_count (0.05, 0), 0u);
  EXPECT_EQ (case_review_rate_ceil_count (1e-300, 1), 1u);
  EXPECT_EQ (case_review_rate_ceil_count (0.1 + 0.2, 10), 4u);  // 3.0000000000000004
  EXPECT_EQ (case_review_rate_ceil_count (1.0, G_MAXUINT64), G_MAXUINT64);
  EXPECT_EQ (case_review_rate_ceil_count (0.5, G_MAXUINT64), G_MAXUINT64 / 2 + 1);

  // Every rate with four decimals against integer arithmetic.
  const guint64 counts[] = { 1, 3, 7, 59, 93, 100, 400, 1000, 1234, 99999, 10000000, 100000000,
                             G_GUINT64_CONSTANT (123456789012345) };
  for (int i = 0; i <= 10000; i++)
    {
      char text[16];
      g_snprintf (text, sizeof text, "%d.%04d", i / 10000, i % 10000);
      double rate = g_ascii_strtod (text, nullptr);
      for (guint64 count : counts)
        {
          guint64 expected = (count * (guint64) i + 9999) / 10000;
          ASSERT_EQ (case_review_rate_ceil_count (rate, count), expected) << text << " × " << count;
        }
    }
}

TEST (Rate, ParseAcceptsDecimalsAndPercentages)
{
  EXPECT_EQ (parse_rate ("5%"), 0.05);
  EXPECT_EQ (parse_rate ("0.05"), 0.05);
  EXPECT_EQ (parse_rate("3.5%"), 0.035);
  EXPECT_EQ (parse_rate (" 12.5 % "), 0.125);
  EXPECT_EQ (parse_rate ("5％"), 0.05);
  EXPECT_EQ (parse_rate ("100%"), 1.0);
  EXPECT_EQ (parse_rate ("0%"), 0.0);
  EXPECT_EQ (parse_rate ("0"), 0.0);
  EXPECT_EQ (parse_rate ("1"), 1.0);
  EXPECT_EQ (parse_rate ("1.000"), 1.0);
  EXPECT_EQ (parse_rate (".5"), 0.5);
  EXPECT_EQ (parse_rate ("0.0"), 0.0);
  EXPECT_EQ (parse_rate ("0.0025"), 0.0025);
  EXPECT_EQ (parse_rate ("0.25%"), 0.0025);
  EXPECT_EQ (parse_rate ("0.050000000000000000000000"), 0.05);
  EXPECT_EQ (parse_rate ("0.30000000000000004"), 0.1 + 0.2);
  EXPECT_EQ (format_rate (parse_rate ("17.5%")), "0.175");
  EXPECT_EQ (case_review_rate_ceil_count (parse_rate ("3.5%"), 400), 14u);

  // The out argument is optional.
  EXPECT_TRUE (case_review_parse_rate ("5%", nullptr, nullptr));
}

TEST (Rate, ParseRejectsWhatIsNotARate)
{
  struct Case { const char *text; int code; } cases[] = {
    { "", CASE_REVIEW_ERROR_PARSE },
    { "   ", CASE_REVIEW_ERROR_PARSE },
    { "%", CASE_REVIEW_ERROR_PARSE },
    { "abc", CASE_REVIEW_ERROR_PARSE },
    { "5%%", CASE_REVIEW_ERROR_PARSE },
    { "1.2.3", CASE_REVIEW_ERROR_PARSE },
    { "1e-3", CASE_REVIEW_ERROR_PARSE },
    { "+5%", CASE_REVIEW_ERROR_PARSE },
    { "0,05", CASE_REVIEW_ERROR_PARSE },
    { "五%", CASE_REVIEW_ERROR_PARSE },
    { ".", CASE_REVIEW_ERROR_PARSE },
    { "-5%", CASE_REVIEW_ERROR_INVALID },
    { "-0.1", CASE_REVIEW_ERROR_INVALID },
    { "150%", CASE_REVIEW_ERROR_INVALID },
    { "100.01%", CASE_REVIEW_ERROR_INVALID },
    { "1.5", CASE_REVIEW_ERROR_INVALID },
    { "2", CASE_REVIEW_ERROR_INVALID },
    { "0.12345678901234567891", CASE_REVIEW_ERROR_INVALID },
    { "0.30000000000000001", CASE_REVIEW_ERROR_INVALID },  // reads back as 0.3
  };

  for (const Case &c : cases)
    {
      GError *error = nullptr;
      double rate = 42;
      EXPECT_FALSE (case_review_parse_rate (c.text, &rate, &error)) << c.text;
      EXPECT_EQ (rate, 42) << "the output is untouched on error";
      ASSERT_NE (error, nullptr) << c.text;
      EXPECT_TRUE (g_error_matches (error, CASE_REVIEW_ERROR, c.code)) << c.text << ": " << error->message;
      std::string message (error->message);
      EXPECT_EQ (message.rfind ("text:", 0), 0u) << message;
      EXPECT_NE (message.find (std::string ("“") + c.text + "”"), std::string::npos) << message;
      EXPECT_TRUE (g_utf8_validate (error->message, -1, nullptr));
      g_error_free (error);
    }
}

TEST (Rate, ParseAndFormatRoundTrip)
{
  std::mt19937_64 source (11);
  for (int i = 0; i < 5000; i++)
    {
      // Up to 15 significant digits always survive a double.
      int scale = 1 + (int) (source () % 18);
      guint64 digits = source () % 1000000000000000ull;
      std::string text = "0." + std::string (scale, '0');
      std::string number = std::to_string (digits);
      if ((int) number.size () > scale)
        number = number.substr (0, scale);
      text.replace (text.size () - number.size (), number.size (), number);
      double rate = parse_rate (text.c_str ());
      EXPECT_EQ (rate, g_ascii_strtod (text.c_str (), nullptr)) << text;
      double again = parse_rate (format_rate (rate).c_str ());
      EXPECT_EQ (again, rate) << text;
    }
}

// ---------------------------------------------------------------------------
// Distribution functions

TEST (Distribution, ClosedForms)
{
  for (guint64 n : { 1ull, 2ull, 10ull, 59ull, 1000ull, 1000000ull, 100000000ull })
    for (double p : { 1e-9, 0.001, 0.05, 0.5, 0.95 })
      EXPECT_TRUE (relatively_near (case_review_binomial_cdf (0, n, p), std::exp ((double) n * std::log1p (-p)), 1e-12))
          << n << " " << p;

  for (double mean : { 1e-6, 0.5, 3.0, 59 * 0.05, 100.0, 1e4, 1e7 })
    {
      EXPECT_TRUE (relatively_near (case_review_poisson_cdf (0, mean), std::exp (-mean), 1e-12)) << mean;
      EXPECT_TRUE (relatively_near (case_review_poisson_cdf (1, mean), std::exp (-mean) * (1 + mean), 1e-12))
          << mean;
    }

  EXPECT_EQ (case_review_binomial_cdf (5, 5, 0.3), 1.0);
  EXPECT_EQ (case_review_binomial_cdf (7, 5, 0.3), 1.0);
  EXPECT_EQ (case_review_binomial_cdf (4, 5, 1.0), 0.0);
  EXPECT_EQ (case_review_binomial_cdf (0, 5, 0.0), 1.0);
  EXPECT_EQ (case_review_poisson_cdf (0, 0.0), 1.0);
  // Hypergeometric: outside the support.
  EXPECT_EQ (case_review_hypergeometric_cdf (0, 10, 8, 5), 0.0);  // at least 3 deviate
  EXPECT_EQ (case_review_hypergeometric_cdf (3, 10, 3, 5), 1.0);
  EXPECT_EQ (case_review_hypergeometric_cdf (0, 10, 0, 10), 1.0);
  EXPECT_EQ (case_review_hypergeometric_cdf (2, 10, 3, 10), 0.0);

  // P(none) = ∏ (N−K−i)/(N−i).
  for (guint64 N : { 20ull, 100ull, 5000ull, 10000000ull })
    for (guint64 n : { 1ull, 5ull, 19ull })
      {
        guint64 K = N / 20;
        EXPECT_TRUE (relatively_near (case_review_hypergeometric_cdf (0, N, K, n), probability_of_none (N, K, n), 1e-12))
            << N << " " << n;
      }
}

TEST (Distribution, MassesSumToOne)
{
  // P(X ≤ k) − P(X ≤ k−1) against C(n, k) p^k q^(n−k) with exact binomial
  // coefficients, over the whole support.
  const guint64 n = 50;
  const double p = 0.137;
  double coefficient = 1;
  double previous = 0;
  for (guint64 k = 0; k <= n; k++)
    {
      double cdf = case_review_binomial_cdf (k, n, p);
      double pmf = coefficient * std::pow (p, (double) k) * std::pow (1 - p, (double) (n - k));
      EXPECT_NEAR (cdf - previous, pmf, 1e-15) << k;
      previous = cdf;
      coefficient = coefficient * (double) (n - k) / (double) (k + 1);
    }
  EXPECT_EQ (previous, 1.0);
}

TEST (Distribution, HypergeometricApproachesBinomial)
{
  // With N = 10^8 and n = 10^4 the finite-population correction is 1 −
  // n/N: near the mean the two agree to about 10^-4, far in the tails (where
  // the probabilities are 10^-109 and 10^-223) to a few percent.
  struct Case { guint64 k; double tolerance; } cases[] = {
    { 0, 0.03 }, { 100, 0.03 }, { 450, 1e-3 }, { 500, 1e-4 }, { 550, 1e-4 }, { 1000, 1e-12 },
  };
  for (const Case &c : cases)
    {
      double hyper = case_review_hypergeometric_cdf (c.k, 100000000, 5000000, 10000);
      double binom = case_review_binomial_cdf (c.k, 10000, 0.05);
      ASSERT_TRUE (std::isfinite (hyper));
      EXPECT_GT (hyper, 0.0);
      EXPECT_LE (hyper, 1.0);
      EXPECT_TRUE (relatively_near (hyper, binom, c.tolerance)) << c.k;
    }
}

TEST (Distribution, Symmetry)
{
  // P(X ≤ k; n, p) = 1 − P(X ≤ n−k−1; n, 1−p), and for the hypergeometric
  // P(X ≤ k; N, K, n) = P(X ≤ k; N, n, K).
  for (guint64 n : { 10ull, 300ull, 100000ull })
    for (guint64 k : { 0ull, 3ull, 9ull })
      {
        double left = case_review_binomial_cdf (k, n, 0.03);
        double right = case_review_binomial_cdf (n - k - 1, n, 0.97);
        EXPECT_NEAR (left, 1 - right, 1e-14);
      }
  for (guint64 k = 0; k < 40; k++)
    EXPECT_TRUE (relatively_near (case_review_hypergeometric_cdf (k, 1000, 120, 300),
                                  case_review_hypergeometric_cdf (k, 1000, 300, 120), 1e-12))
        << k;
}

// ---------------------------------------------------------------------------
// Attribute plans: AICPA Table A-1

namespace {

struct AicpaCell {
  std::string risk, tolerable, expected;
  guint64 sample_size;
  guint64 expected_deviations;
};

std::vector<AicpaCell>
load_aicpa_table ()
{
  std::vector<AicpaCell> cells;
  std::ifstream file (CASE_REVIEW_TEST_DATA_DIR "/aicpa-table-a1-sample-sizes-5pct-risk.csv", std::ios::binary);
  std::string line;

  if (!std::getline (file, line))
    return cells;
  for (int number = 2; std::getline (file, line); number++)
    {
      if (!line.empty () && line.back () == '\r')  // the file has CRLF line endings
        line.pop_back ();
      if (line.empty ())
        continue;
      std::stringstream fields (line);
      AicpaCell cell;
      std::string size, deviations;
      std::getline (fields, cell.risk, ',');
      std::getline (fields, cell.tolerable, ',');
      std::getline (fields, cell.expected, ',');
      std::getline (fields, size, ',');
      std::getline (fields, deviations, ',');
      cell.sample_size = std::stoull (size);
      cell.expected_deviations = std::stoull (deviations);
      cells.push_back (cell);
    }
  return cells;
}

const std::vector<AicpaCell> &
aicpa_table ()
{
  static const std::vector<AicpaCell> cells = load_aicpa_table ();
  return cells;
}

std::string
cell_name (const ::testing::TestParamInfo<AicpaCell> &info)
{
  std::string name = "tolerable_" + info.param.tolerable + "_expected_" + info.param.expected;
  for (char &c : name)
    if (c == '.')
      c = '_';
  return name;
}

class AicpaTableA1 : public ::testing::TestWithParam<AicpaCell> {};

} // namespace

TEST (AicpaTableA1File, HasEveryCell)
{
  ASSERT_EQ (aicpa_table ().size (), 194u);
  for (const AicpaCell &cell : aicpa_table ())
    EXPECT_EQ (cell.risk, "0.05");
}

TEST_P (AicpaTableA1, BinomialPlanReproducesTheCell)
{
  const AicpaCell &cell = GetParam ();
  double tolerable = parse_rate (cell.tolerable.c_str ());
  double expected = parse_rate (cell.expected.c_str ());
  ASSERT_EQ (tolerable, g_ascii_strtod (cell.tolerable.c_str (), nullptr));
  ASSERT_EQ (expected, g_ascii_strtod (cell.expected.c_str (), nullptr));

  PlanPtr p = plan (BINOMIAL, 0.95, tolerable, expected);
  ASSERT_TRUE (p);
  EXPECT_EQ (case_review_attribute_plan_get_sample_size (p.get ()), cell.sample_size);
  EXPECT_EQ (case_review_attribute_plan_get_allowed_deviations (p.get ()), cell.expected_deviations);
  EXPECT_EQ (case_review_attribute_plan_get_allowed_deviations (p.get ()),
             case_review_rate_ceil_count (expected, cell.sample_size));
  EXPECT_LT (case_review_attribute_plan_get_achieved_risk (p.get ()), 0.05);
  EXPECT_DOUBLE_EQ (case_review_attribute_plan_get_achieved_risk (p.get ()),
                    case_review_binomial_cdf (cell.expected_deviations, cell.sample_size, tolerable));

  // Minimal by brute force: no smaller n meets P(X ≤ ⌈n · expected⌉) < 5%.
  for (guint64 m = 1; m < cell.sample_size; m++)
    ASSERT_GE (case_review_binomial_cdf (case_review_rate_ceil_count (expected, m), m, tolerable), 0.05)
        << "n = " << m << " would do";
}

TEST_P (AicpaTableA1, OtherModelsAgreeWhereTheyShould)
{
  const AicpaCell &cell = GetParam ();
  double tolerable = g_ascii_strtod (cell.tolerable.c_str (), nullptr);
  double expected = g_ascii_strtod (cell.expected.c_str (), nullptr);

  // A population of 10^8 is as good as infinite for these sample sizes.
  EXPECT_EQ (sample_size (HYPERGEOMETRIC, 0.95, tolerable, expected, 100000000), cell.sample_size);
  // The Poisson approximation is conservative.
  EXPECT_GE (sample_size (POISSON, 0.95, tolerable, expected), cell.sample_size);
  // A fixed k = the cell's deviations never needs more.
  GError *error = nullptr;
  PlanPtr fixed (case_review_attribute_plan_new_for_deviations (BINOMIAL, 0.95, tolerable, cell.expected_deviations,
                                                                0, &error));
  ASSERT_TRUE (fixed) << error->message;
  EXPECT_LE (case_review_attribute_plan_get_sample_size (fixed.get ()), cell.sample_size);
}

INSTANTIATE_TEST_SUITE_P (Cells, AicpaTableA1, ::testing::ValuesIn (aicpa_table ()), cell_name);

// ---------------------------------------------------------------------------
// Attribute plans: anchors, exactness, models, properties

TEST (AttributePlan, Anchors)
{
  PlanPtr p = plan (BINOMIAL, 0.95, 0.05, 0.0);
  EXPECT_EQ (case_review_attribute_plan_get_sample_size (p.get ()), 59u);
  EXPECT_EQ (case_review_attribute_plan_get_allowed_deviations (p.get ()), 0u);
  EXPECT_TRUE (relatively_near (case_review_attribute_plan_get_achieved_risk (p.get ()), std::pow (0.95, 59), 1e-12));
  EXPECT_EQ (case_review_attribute_plan_get_model (p.get ()), BINOMIAL);
  EXPECT_EQ (case_review_attribute_plan_get_confidence (p.get ()), 0.95);
  EXPECT_EQ (case_review_attribute_plan_get_tolerable_rate (p.get ()), 0.05);
  EXPECT_EQ (case_review_attribute_plan_get_expected_rate (p.get ()), 0.0);
  EXPECT_TRUE (case_review_attribute_plan_has_expected_rate (p.get ()));
  EXPECT_EQ (case_review_attribute_plan_get_population_size (p.get ()), 0u);
  EXPECT_EQ (case_review_attribute_plan_get_critical_count (p.get ()), 0u);

  p = plan (BINOMIAL, 0.95, 0.05, 0.01);
  EXPECT_EQ (case_review_attribute_plan_get_sample_size (p.get ()), 93u);
  EXPECT_EQ (case_review_attribute_plan_get_allowed_deviations (p.get ()), 1u);

  // ln 0.05 / ln 0.95 = 58.4: the Poisson model needs ⌈ln 20 / 0.05⌉ = 60.
  EXPECT_EQ (sample_size (POISSON, 0.95, 0.05, 0.0), 60u);
}

TEST (AttributePlan, ExactRatesChangeTheAnswer)
{
  // With double arithmetic 200 · 0.035 = 7.000000000000001 rounds up to 8
  // allowed deviations, and the first n that works with 8 is 219. Exactly,
  // n = 200 allows 7, which suffices.
  PlanPtr p = plan (BINOMIAL, 0.95, 0.065, 0.035);
  EXPECT_EQ (case_review_attribute_plan_get_sample_size (p.get ()), 200u);
  EXPECT_EQ (case_review_attribute_plan_get_allowed_deviations (p.get ()), 7u);
  EXPECT_LT (case_review_binomial_cdf (7, 200, 0.065), 0.05);
  EXPECT_GE (case_review_binomial_cdf (8, 200, 0.065), 0.05);

  p = plan (BINOMIAL, 0.95, 0.1275, 0.07);
  EXPECT_EQ (case_review_attribute_plan_get_sample_size (p.get ()), 100u);
  EXPECT_EQ (case_review_attribute_plan_get_allowed_deviations (p.get ()), 7u);
}

TEST (AttributePlan, HypergeometricSmallAgency)
{
  // N = 100, 5% tolerable: K = 5 deviating files; no deviation in the sample.
  PlanPtr p = plan (HYPERGEOMETRIC, 0.95, 0.05, 0.0, 100);
  guint64 n = case_review_attribute_plan_get_sample_size (p.get ());
  EXPECT_EQ (n, 45u);
  EXPECT_EQ (case_review_attribute_plan_get_critical_count (p.get ()), 5u);
  EXPECT_EQ (case_review_attribute_plan_get_population_size (p.get ()), 100u);
  EXPECT_LT (probability_of_none (100, 5, n), 0.05);
  EXPECT_GE (probability_of_none (100, 5, n - 1), 0.05);
  EXPECT_TRUE (relatively_near (case_review_attribute_plan_get_achieved_risk (p.get ()), probability_of_none (100, 5, n),
                                1e-12));
  EXPECT_LT (n, 59u);

  // K = ⌈N · tolerable⌉ exactly: N = 101 gives K = 6 (5.05 rounded up).
  p = plan (HYPERGEOMETRIC, 0.95, 0.05, 0.0, 101);
  EXPECT_EQ (case_review_attribute_plan_get_critical_count (p.get ()), 6u);
  n = case_review_attribute_plan_get_sample_size (p.get ());
  EXPECT_LT (probability_of_none (101, 6, n), 0.05);
  EXPECT_GE (probability_of_none (101, 6, n - 1), 0.05);
}

TEST (AttributePlan, MatchesALinearScanOfTheDefinition)
{
  // The search skips runs of n in blocks; compare it with the plain
  // definition (the first n with P(X ≤ ⌈n · e⌉) < risk) over random inputs.
  std::mt19937_64 source (2020);
  int compared = 0, impossible = 0;
  for (int trial = 0; trial < 400; trial++)
    {
      auto model = (CaseReviewStatisticalModel) (source () % 3);
      int percent = (int) (50 + source () % 49);
      double confidence = (double) percent / 100;
      double tolerable = (double) (1 + source () % 300) / 1000;
      double expected = (double) (source () % 1000) / 1000 * tolerable * 0.8;
      char text[32];
      g_snprintf (text, sizeof text, "%.4f", expected);
      expected = g_ascii_strtod (text, nullptr);
      guint64 population = model == HYPERGEOMETRIC ? 1 + source () % 3000 : 0;
      double risk = (double) (100 - percent) / 100;  // the double nearest the exact complement
      guint64 K = case_review_rate_ceil_count (tolerable, population);
      guint64 cap = model == HYPERGEOMETRIC ? population : 20000;

      auto cdf = [&] (guint64 k, guint64 n) {
        switch (model)
          {
          case BINOMIAL: return case_review_binomial_cdf (k, n, tolerable);
          case POISSON: return case_review_poisson_cdf (k, (double) n * tolerable);
          default: return case_review_hypergeometric_cdf (k, population, K, n);
          }
      };
      guint64 expected_n = 0;
      for (guint64 n = 1; n <= cap; n++)
        if (cdf (case_review_rate_ceil_count (expected, n), n) < risk)
          {
            expected_n = n;
            break;
          }

      GError *error = nullptr;
      PlanPtr p (case_review_attribute_plan_new (model, confidence, tolerable, expected, population, &error));
      SCOPED_TRACE (::testing::Message () << "model " << model << " confidence " << confidence << " tolerable "
                                          << tolerable << " expected " << expected << " N " << population);
      if (expected_n == 0)
        {
          if (model == HYPERGEOMETRIC)
            {
              EXPECT_EQ (p, nullptr);
              expect_error (error, "population_size");
              impossible++;
            }
          else if (error != nullptr)
            g_error_free (error);
          continue;
        }
      ASSERT_TRUE (p) << error->message;
      EXPECT_EQ (case_review_attribute_plan_get_sample_size (p.get ()), expected_n);
      EXPECT_EQ (case_review_attribute_plan_get_allowed_deviations (p.get ()),
                 case_review_rate_ceil_count (expected, expected_n));
      compared++;
    }
  // Nearly every draw has an answer within the scan (398 of 400 with this
  // seed; 2 are impossible hypergeometric plans).
  EXPECT_GE (compared, 390);
  EXPECT_GE (impossible, 1);
}

TEST (AttributePlan, FixedDeviations)
{
  GError *error = nullptr;
  PlanPtr p (case_review_attribute_plan_new_for_deviations (BINOMIAL, 0.95, 0.05, 1, 0, &error));
  ASSERT_TRUE (p);
  EXPECT_EQ (case_review_attribute_plan_get_sample_size (p.get ()), 93u);
  EXPECT_EQ (case_review_attribute_plan_get_allowed_deviations (p.get ()), 1u);
  EXPECT_FALSE (case_review_attribute_plan_has_expected_rate (p.get ()));
  EXPECT_EQ (case_review_attribute_plan_get_expected_rate (p.get ()), 0.0);

  p.reset (case_review_attribute_plan_new_for_deviations (BINOMIAL, 0.95, 0.05, 0, 0, &error));
  EXPECT_EQ (case_review_attribute_plan_get_sample_size (p.get ()), 59u);

  // The sample size grows with k, and each is the first n that works.
  guint64 previous = 0;
  for (guint64 k = 0; k <= 30; k++)
    {
      p.reset (case_review_attribute_plan_new_for_deviations (HYPERGEOMETRIC, 0.9, 0.04, k, 5000, &error));
      ASSERT_TRUE (p) << error->message;
      guint64 n = case_review_attribute_plan_get_sample_size (p.get ());
      EXPECT_GT (n, previous);
      EXPECT_LT (case_review_hypergeometric_cdf (k, 5000, 200, n), 0.1);
      EXPECT_GE (case_review_hypergeometric_cdf (k, 5000, 200, n - 1), 0.1);
      previous = n;
    }
}

TEST (AttributePlan, MonotoneInItsArguments)
{
  const double tolerables[] = { 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.15, 0.2 };
  const double expecteds[] = { 0.0, 0.0025, 0.005, 0.01, 0.015 };
  const double confidences[] = { 0.8, 0.9, 0.95, 0.99, 0.999 };

  for (auto model : { BINOMIAL, POISSON })
    for (double expected : expecteds)
      {
        guint64 previous = G_MAXUINT64;
        for (double tolerable : tolerables)
          {
            guint64 n = sample_size (model, 0.95, tolerable, expected);
            EXPECT_LE (n, previous) << "tolerable " << tolerable << " expected " << expected;
            previous = n;
          }
      }
  for (double tolerable : tolerables)
    {
      guint64 previous = 0;
      for (double expected : expecteds)
        {
          if (expected >= tolerable)
            continue;
          guint64 n = sample_size (BINOMIAL, 0.95, tolerable, expected);
          EXPECT_GE (n, previous);
          previous = n;
        }
      previous = 0;
      for (double confidence : confidences)
        {
          guint64 n = sample_size (BINOMIAL, confidence, tolerable, 0.0);
          EXPECT_GT (n, previous);
          previous = n;
        }
    }
  // A finite population never needs more than an infinite one.
  for (guint64 population : { 20ull, 50ull, 100ull, 500ull, 2000ull, 100000ull })
    for (double tolerable : { 0.05, 0.1, 0.2 })
      {
        GError *error = nullptr;
        PlanPtr p (case_review_attribute_plan_new (HYPERGEOMETRIC, 0.95, tolerable, 0.0, population, &error));
        ASSERT_TRUE (p) << error->message;
        EXPECT_LE (case_review_attribute_plan_get_sample_size (p.get ()), sample_size (BINOMIAL, 0.95, tolerable, 0.0));
        EXPECT_LE (case_review_attribute_plan_get_sample_size (p.get ()), population);
      }
}

TEST (AttributePlan, LargePopulations)
{
  for (guint64 population : { 1000000ull, 10000000ull, 100000000ull })
    {
      PlanPtr p = plan (HYPERGEOMETRIC, 0.95, 0.05, 0.0, population);
      EXPECT_EQ (case_review_attribute_plan_get_sample_size (p.get ()), 59u);
      EXPECT_EQ (case_review_attribute_plan_get_critical_count (p.get ()), population / 20);
      p = plan (HYPERGEOMETRIC, 0.99, 0.001, 0.0005, population);
      guint64 n = case_review_attribute_plan_get_sample_size (p.get ());
      double risk = case_review_attribute_plan_get_achieved_risk (p.get ());
      EXPECT_TRUE (std::isfinite (risk));
      EXPECT_LT (risk, 0.01);
      EXPECT_GT (n, 10000u);
      EXPECT_LE (n, sample_size (BINOMIAL, 0.99, 0.001, 0.0005));
    }
  // A tolerable rate close to the expected one needs a huge but finite sample.
  PlanPtr p = plan (BINOMIAL, 0.95, 0.05, 0.049);
  EXPECT_EQ (case_review_attribute_plan_get_sample_size (p.get ()), 129000u);
  EXPECT_EQ (case_review_attribute_plan_get_allowed_deviations (p.get ()), 6321u);
}

TEST (AttributePlan, RejectsBadArguments)
{
  for (double confidence : { 0.0, 1.0, 1.5, -0.1, std::nan (""), HUGE_VAL })
    expect_plan_error (BINOMIAL, confidence, 0.05, 0.0, 0, "confidence");
  for (double rate : { -0.1, 1.5, std::nan ("") })
    {
      expect_plan_error (BINOMIAL, 0.95, rate, 0.0, 0, "tolerable_rate");
      expect_plan_error (BINOMIAL, 0.95, 0.05, rate, 0, "expected_rate");
    }
  expect_plan_error (BINOMIAL, 0.95, 0.0, 0.0, 0, "tolerable_rate");
  expect_plan_error (BINOMIAL, 0.95, 0.05, 0.05, 0, "tolerable_rate");
  expect_plan_error (BINOMIAL, 0.95, 0.05, 0.06, 0, "tolerable_rate");
  expect_plan_error (HYPERGEOMETRIC, 0.95, 0.05, 0.0, 0, "population_size");

  // K = ⌈10 · 0.05⌉ = 1 and a census of 10 still allows ⌈10 · 0.1⌉ = 1.
  expect_plan_error (HYPERGEOMETRIC, 0.95, 0.05, 0.04, 10, "population_size");
  // The binomial plan needs 59 > 50 files.
  expect_plan_error (BINOMIAL, 0.95, 0.05, 0.0, 50, "population_size");
  // No n ≤ 10^9 works with a fixed k of 10^8.
  GError *error = nullptr;
  PlanPtr p (case_review_attribute_plan_new_for_deviations (BINOMIAL, 0.95, 0.05, 100000000, 0, &error));
  EXPECT_EQ (p, nullptr);
  expect_error (error, "tolerable_rate");
  error = nullptr;

  // The message quotes the value in its shortest form.
  p.reset (case_review_attribute_plan_new (BINOMIAL, 1.5, 0.05, 0.0, 0, &error));
  ASSERT_NE (error, nullptr);
  EXPECT_STREQ (error->message, "confidence: 1.5 is not between 0 and 1 (exclusive)");
  g_clear_error (&error);
}

TEST (AttributePlan, BoxedCopy)
{
  PlanPtr p = plan (HYPERGEOMETRIC, 0.9, 0.07, 0.01, 800);
  PlanPtr copy (case_review_attribute_plan_copy (p.get ()));
  EXPECT_EQ (case_review_attribute_plan_get_sample_size (copy.get ()), case_review_attribute_plan_get_sample_size (p.get ()));
  EXPECT_EQ (case_review_attribute_plan_get_achieved_risk (copy.get ()),
             case_review_attribute_plan_get_achieved_risk (p.get ()));
  EXPECT_TRUE (G_TYPE_IS_BOXED (CASE_REVIEW_TYPE_ATTRIBUTE_PLAN));
  EXPECT_TRUE (G_TYPE_IS_ENUM (CASE_REVIEW_TYPE_STATISTICAL_MODEL));
  GEnumClass *enum_class = (GEnumClass *) g_type_class_ref (CASE_REVIEW_TYPE_STATISTICAL_MODEL);
  EXPECT_STREQ (g_enum_get_value (enum_class, HYPERGEOMETRIC)->value_nick, "hypergeometric");
  g_type_class_unref (enum_class);
}

// ---------------------------------------------------------------------------
// Bounds

TEST (Bound, ClopperPearsonAnchors)
{
  BoundPtr b = upper_bound (BINOMIAL, 0.95, 59, 0);
  EXPECT_TRUE (relatively_near (case_review_bound_get_upper (b.get ()), 1 - std::pow (0.05, 1.0 / 59), 1e-13));
  EXPECT_TRUE (relatively_near (case_review_bound_get_upper (b.get ()), 0.049507609888226947, 1e-13));
  EXPECT_EQ (case_review_bound_get_lower (b.get ()), 0.0);
  EXPECT_FALSE (case_review_bound_is_two_sided (b.get ()));
  EXPECT_EQ (case_review_bound_get_estimate (b.get ()), 0.0);

  b = upper_bound (BINOMIAL, 0.95, 100, 1);
  EXPECT_TRUE (relatively_near (case_review_bound_get_upper (b.get ()), 0.046559811453538946, 1e-12));
  EXPECT_EQ (std::round (case_review_bound_get_upper (b.get ()) * 100000), 4656.0);
  EXPECT_EQ (case_review_bound_get_estimate (b.get ()), 0.01);
  EXPECT_EQ (case_review_bound_get_upper_count (b.get ()), 0u);
}

TEST (Bound, ClopperPearsonAgainstDecimalReferences)
{
  // 50-digit bisection of the exact binomial sums (see the file header).
  struct Reference { guint64 n, k; double upper, lower2, upper2; } references[] = {
    { 59, 0, 0.049507609888226947, 0, 0.060608900950339847 },
    { 100, 1, 0.046559811453538946, 0.00025314603297742063, 0.054459385392080657 },
    { 100, 5, 0.10225337764327451, 0.016431879182052159, 0.11283491110546277 },
    { 50, 10, 0.31559606142001386, 0.10030223747257104, 0.33718310838348789 },
    { 200, 3, 0.038309708498569347, 0.0031041076215535096, 0.043208281917712610 },
    { 1000, 12, 0.019370199285059250, 0.0062155255595952424, 0.020867679591036415 },
  };
  for (const Reference &r : references)
    {
      SCOPED_TRACE (::testing::Message () << "n " << r.n << " k " << r.k);
      BoundPtr one = upper_bound (BINOMIAL, 0.95, r.n, r.k);
      BoundPtr two = interval (BINOMIAL, 0.95, r.n, r.k);
      EXPECT_TRUE (relatively_near (case_review_bound_get_upper (one.get ()), r.upper, 1e-12));
      EXPECT_TRUE (relatively_near (case_review_bound_get_upper (two.get ()), r.upper2, 1e-12));
      if (r.k == 0)
        {
          EXPECT_EQ (case_review_bound_get_lower (two.get ()), 0.0);
        }
      else
        {
          EXPECT_TRUE (relatively_near (case_review_bound_get_lower (two.get ()), r.lower2, 1e-12));
        }
      EXPECT_TRUE (case_review_bound_is_two_sided (two.get ()));
    }

  // n = 10^8, k = 1: the two-sided upper limit (Decimal: 5.5716432635810668e-8).
  BoundPtr big = interval (BINOMIAL, 0.95, 100000000, 1);
  EXPECT_TRUE (relatively_near (case_review_bound_get_upper (big.get ()), 5.5716432635810668e-8, 1e-12));
}

TEST (Bound, PoissonAgainstDecimalReferences)
{
  struct Reference { guint64 n, k; double upper, lower2, upper2; } references[] = {
    { 100, 0, 0.029957322735539910, 0, 0.036888794541139363 },
    { 100, 1, 0.047438645183905784, 0.00025317807984289875, 0.055716433909388986 },
    { 100, 5, 0.10513034908741533, 0.016234863901184205, 0.11668332079322670 },
    { 50, 10, 0.33924438471443803, 0.095907773922648673, 0.36780712084035557 },
  };
  for (const Reference &r : references)
    {
      SCOPED_TRACE (::testing::Message () << "n " << r.n << " k " << r.k);
      BoundPtr one = upper_bound (POISSON, 0.95, r.n, r.k);
      BoundPtr two = interval (POISSON, 0.95, r.n, r.k);
      EXPECT_TRUE (relatively_near (case_review_bound_get_upper (one.get ()), r.upper, 1e-12));
      EXPECT_TRUE (relatively_near (case_review_bound_get_upper (two.get ()), r.upper2, 1e-12));
      if (r.k > 0)
        {
          EXPECT_TRUE (relatively_near (case_review_bound_get_lower (two.get ()), r.lower2, 1e-12));
        }
    }
  // The Poisson rate is not clamped: one deviation in one file.
  BoundPtr b = upper_bound (POISSON, 0.95, 1, 1);
  EXPECT_GT (case_review_bound_get_upper (b.get ()), 1.0);
}

namespace {

// The root x of a monotone f(x) = target is accurate to 1e-10 relative when
// the target lies between f at x(1 − 1e-10) and f at x(1 + 1e-10). (Checking
// f(x) against the target instead would also measure the conditioning of f:
// 1 − p² near p = 1 turns a last-bit change of p into 1e-9 of f.)
template <typename F>
::testing::AssertionResult
brackets_root (F f, double x, double target, double cap = HUGE_VAL)
{
  double below = f (x * (1 - 1e-10)), above = f (std::min (x * (1 + 1e-10), cap));
  if ((below - target) * (above - target) <= 0)
    return ::testing::AssertionSuccess ();
  return ::testing::AssertionFailure () << "f(x(1 ∓ 1e-10)) = " << below << ", " << above << " do not bracket "
                                        << target << " (x = " << x << ")";
}

} // namespace

TEST (Bound, LimitsSolveTheirDefiningEquations)
{
  // The confidence and its exact complement.
  const struct { double confidence, alpha; } levels[] = { { 0.9, 0.1 }, { 0.95, 0.05 }, { 0.999999, 0.000001 } };

  for (guint64 n : { 1ull, 2ull, 10ull, 59ull, 300ull, 4000ull, 1000000ull, 100000000ull })
    for (guint64 k : { 0ull, 1ull, 2ull, 7ull, 50ull, 999ull, 5000000ull })
      {
        if (k > n)
          continue;
        SCOPED_TRACE (::testing::Message () << "n " << n << " k " << k);
        auto lower_tail = [&] (double p) { return case_review_binomial_cdf (k, n, p); };
        auto upper_tail = [&] (double p) { return 1 - case_review_binomial_cdf (k - 1, n, p); };
        auto poisson_lower_tail = [&] (double rate) { return case_review_poisson_cdf (k, rate * (double) n); };
        auto poisson_upper_tail = [&] (double rate) { return 1 - case_review_poisson_cdf (k - 1, rate * (double) n); };
        for (const auto &level : levels)
          {
            double alpha = level.alpha;
            BoundPtr one = upper_bound (BINOMIAL, level.confidence, n, k);
            BoundPtr two = interval (BINOMIAL, level.confidence, n, k);
            double upper = case_review_bound_get_upper (one.get ());
            double upper2 = case_review_bound_get_upper (two.get ());
            double lower2 = case_review_bound_get_lower (two.get ());
            if (k < n)
              {
                EXPECT_TRUE (brackets_root (lower_tail, upper, alpha, 1.0));
                EXPECT_TRUE (brackets_root (lower_tail, upper2, alpha / 2, 1.0));
              }
            else
              {
                EXPECT_EQ (upper, 1.0);
                EXPECT_EQ (upper2, 1.0);
              }
            if (k > 0)
              {
                EXPECT_TRUE (brackets_root (upper_tail, lower2, alpha / 2, 1.0));
              }
            else
              {
                EXPECT_EQ (lower2, 0.0);
              }
            EXPECT_LE (lower2, (double) k / n);
            EXPECT_GE (upper2, (double) k / n);
            EXPECT_GE (upper2, upper);

            BoundPtr poisson = interval (POISSON, level.confidence, n, k);
            EXPECT_TRUE (brackets_root (poisson_lower_tail, case_review_bound_get_upper (poisson.get ()), alpha / 2));
            if (k > 0)
              {
                EXPECT_TRUE (brackets_root (poisson_upper_tail, case_review_bound_get_lower (poisson.get ()), alpha / 2));
              }
          }
      }
}

TEST (Bound, MonotoneInTheData)
{
  double previous = 0;
  for (guint64 k = 0; k <= 100; k++)
    {
      BoundPtr b = upper_bound (BINOMIAL, 0.95, 100, k);
      EXPECT_GT (case_review_bound_get_upper (b.get ()), previous);
      previous = case_review_bound_get_upper (b.get ());
    }
  EXPECT_EQ (previous, 1.0);
  previous = 1.0;
  for (guint64 n = 4; n < 2000; n += 37)
    {
      BoundPtr b = upper_bound (BINOMIAL, 0.95, n, 3);
      EXPECT_LT (case_review_bound_get_upper (b.get ()), previous);
      previous = case_review_bound_get_upper (b.get ());
    }
}

TEST (Bound, HypergeometricIsTheLargestCountNotRejected)
{
  for (guint64 N : { 20ull, 100ull, 1000ull, 100000ull })
    for (guint64 n : { 1ull, 10ull, 20ull })
      for (guint64 k : { 0ull, 1ull, 3ull })
        {
          if (k > n || n > N)
            continue;
          SCOPED_TRACE (::testing::Message () << "N " << N << " n " << n << " k " << k);
          BoundPtr one = upper_bound (HYPERGEOMETRIC, 0.95, n, k, N);
          guint64 K = case_review_bound_get_upper_count (one.get ());
          EXPECT_GT (case_review_hypergeometric_cdf (k, N, K, n), 0.05);
          // K + 1 is rejected: P ≤ 0.05, or an exact tie within rounding
          // (for n = 1, P(X = 0 | K) = (N − K)/N is 0.05 at K = 0.95 N).
          if (K < N - n + k)
            {
              EXPECT_LE (case_review_hypergeometric_cdf (k, N, K + 1, n), 0.05 * (1 + 1e-10));
            }
          EXPECT_DOUBLE_EQ (case_review_bound_get_upper (one.get ()), (double) K / (double) N);

          BoundPtr two = interval (HYPERGEOMETRIC, 0.95, n, k, N);
          guint64 L = case_review_bound_get_lower_count (two.get ());
          EXPECT_GE (L, k);
          if (k > 0)
            {
              EXPECT_GT (1 - case_review_hypergeometric_cdf (k - 1, N, L, n), 0.025);
              if (L > k)
                {
                  EXPECT_LE (1 - case_review_hypergeometric_cdf (k - 1, N, L - 1, n), 0.025 * (1 + 1e-10));
                }
            }
          else
            {
              EXPECT_EQ (L, 0u);
            }
          EXPECT_GE (case_review_bound_get_upper_count (two.get ()), K);
        }

  // An exact tie is not "above": N = 20, n = 1, k = 0 gives P = (20 − K)/20,
  // which equals 0.05 at K = 19, so the limit is 18.
  BoundPtr tie = upper_bound (HYPERGEOMETRIC, 0.95, 1, 0, 20);
  EXPECT_EQ (case_review_bound_get_upper_count (tie.get ()), 18u);

  // A census knows the count.
  BoundPtr census = interval (HYPERGEOMETRIC, 0.95, 500, 7, 500);
  EXPECT_EQ (case_review_bound_get_lower_count (census.get ()), 7u);
  EXPECT_EQ (case_review_bound_get_upper_count (census.get ()), 7u);

  // Finite populations give tighter bounds than the binomial model.
  BoundPtr finite = upper_bound (HYPERGEOMETRIC, 0.95, 59, 0, 200);
  BoundPtr infinite = upper_bound (BINOMIAL, 0.95, 59, 0);
  EXPECT_LT (case_review_bound_get_upper (finite.get ()), case_review_bound_get_upper (infinite.get ()));
}

TEST (Bound, LargePopulation)
{
  BoundPtr b = interval (HYPERGEOMETRIC, 0.95, 10000, 500, 100000000);
  double lower = case_review_bound_get_lower (b.get ()), upper = case_review_bound_get_upper (b.get ());
  BoundPtr binomial = interval (BINOMIAL, 0.95, 10000, 500);
  EXPECT_TRUE (relatively_near (upper, case_review_bound_get_upper (binomial.get ()), 1e-3));
  EXPECT_TRUE (relatively_near (lower, case_review_bound_get_lower (binomial.get ()), 1e-3));
  EXPECT_LT (lower, 0.05);
  EXPECT_GT (upper, 0.05);

  b = interval (BINOMIAL, 0.95, 100000000, 5000000);
  EXPECT_TRUE (relatively_near (case_review_bound_get_lower (b.get ()), 0.05, 1e-3));
  EXPECT_TRUE (relatively_near (case_review_bound_get_upper (b.get ()), 0.05, 1e-3));
}

TEST (Bound, RejectsBadArguments)
{
  GError *error = nullptr;
  for (double confidence : { 0.0, 1.0, 2.0, std::nan ("") })
    {
      BoundPtr b (case_review_bound_new_upper (BINOMIAL, confidence, 10, 1, 0, &error));
      EXPECT_EQ (b, nullptr);
      expect_error (error, "confidence");
      error = nullptr;
    }
  BoundPtr b (case_review_bound_new_upper (BINOMIAL, 0.95, 0, 0, 0, &error));
  expect_error (error, "sample_size");
  error = nullptr;
  b.reset (case_review_bound_new_interval (POISSON, 0.95, 10, 11, 0, &error));
  expect_error (error, "deviations");
  error = nullptr;
  b.reset (case_review_bound_new_upper (HYPERGEOMETRIC, 0.95, 10, 1, 0, &error));
  expect_error (error, "population_size");
  error = nullptr;
  b.reset (case_review_bound_new_upper (HYPERGEOMETRIC, 0.95, 120, 1, 100, &error));
  expect_error (error, "sample_size");
  error = nullptr;
  b.reset (case_review_bound_new_upper (BINOMIAL, 0.95, 120, 1, 100, &error));
  expect_error (error, "sample_size");
  EXPECT_EQ (b, nullptr);
}

// ---------------------------------------------------------------------------
// Stratified estimate

TEST (StratifiedEstimate, OneStratumIsTheHypergeometricBound)
{
  EstimatePtr estimate (case_review_stratified_estimate_new ());
  GError *error = nullptr;
  ASSERT_TRUE (case_review_stratified_estimate_add_stratum (estimate.get (), 1200, 80, 3, &error));
  StratifiedBoundPtr result (case_review_stratified_estimate_compute (estimate.get (), 0.95, &error));
  ASSERT_TRUE (result);
  BoundPtr single = upper_bound (HYPERGEOMETRIC, 0.95, 80, 3, 1200);
  EXPECT_EQ (case_review_stratified_bound_get_upper_count (result.get ()), case_review_bound_get_upper_count (single.get ()));
  EXPECT_DOUBLE_EQ (case_review_stratified_bound_get_estimated_deviations (result.get ()), 1200.0 * 3 / 80);
  EXPECT_EQ (case_review_stratified_bound_get_stratum_confidence (result.get ()), 0.95);
}

TEST (StratifiedEstimate, HorvitzThompsonAndBonferroni)
{
  struct Stratum { guint64 N, n, k; } strata[] = {
    { 1200, 80, 3 }, { 300, 40, 0 }, { 45, 45, 2 }, { 10000, 120, 9 },
  };
  EstimatePtr estimate (case_review_stratified_estimate_new ());
  GError *error = nullptr;
  double total = 0, population = 0;
  guint64 upper = 0, sample = 0, deviations = 0;
  for (const Stratum &s : strata)
    {
      ASSERT_TRUE (case_review_stratified_estimate_add_stratum (estimate.get (), s.N, s.n, s.k, &error));
      total += (double) s.N * (double) s.k / (double) s.n;
      population += (double) s.N;
      sample += s.n;
      deviations += s.k;
      // Each stratum at 1 − 0.05/4 = 0.9875.
      BoundPtr b = upper_bound (HYPERGEOMETRIC, 0.9875, s.n, s.k, s.N);
      upper += case_review_bound_get_upper_count (b.get ());
    }
  EXPECT_EQ (case_review_stratified_estimate_get_n_strata (estimate.get ()), 4u);

  StratifiedBoundPtr result (case_review_stratified_estimate_compute (estimate.get (), 0.95, &error));
  ASSERT_TRUE (result);
  EXPECT_EQ (case_review_stratified_bound_get_n_strata (result.get ()), 4u);
  EXPECT_DOUBLE_EQ (case_review_stratified_bound_get_estimated_deviations (result.get ()), total);
  EXPECT_DOUBLE_EQ (case_review_stratified_bound_get_estimated_rate (result.get ()), total / population);
  EXPECT_EQ (case_review_stratified_bound_get_population_size (result.get ()), (guint64) population);
  EXPECT_EQ (case_review_stratified_bound_get_sample_size (result.get ()), sample);
  EXPECT_EQ (case_review_stratified_bound_get_deviations (result.get ()), deviations);
  EXPECT_EQ (case_review_stratified_bound_get_upper_count (result.get ()), upper);
  EXPECT_DOUBLE_EQ (case_review_stratified_bound_get_upper_rate (result.get ()), (double) upper / population);
  EXPECT_DOUBLE_EQ (case_review_stratified_bound_get_stratum_confidence (result.get ()), 0.9875);
  EXPECT_EQ (case_review_stratified_bound_get_confidence (result.get ()), 0.95);
  // The census stratum contributes exactly its 2 deviations.
  EXPECT_EQ (case_review_stratified_bound_get_stratum_upper_count (result.get (), 2), 2u);
  EXPECT_GE ((double) upper, total);

  StratifiedBoundPtr copy (case_review_stratified_bound_copy (result.get ()));
  EXPECT_EQ (case_review_stratified_bound_get_stratum_upper_count (copy.get (), 3),
             case_review_stratified_bound_get_stratum_upper_count (result.get (), 3));
}

TEST (StratifiedEstimate, RejectsBadStrataAndStaysUnchanged)
{
  EstimatePtr estimate (case_review_stratified_estimate_new ());
  GError *error = nullptr;

  StratifiedBoundPtr result (case_review_stratified_estimate_compute (estimate.get (), 0.95, &error));
  EXPECT_EQ (result, nullptr);
  expect_error (error, "self");
  error = nullptr;

  ASSERT_TRUE (case_review_stratified_estimate_add_stratum (estimate.get (), 100, 10, 1, &error));
  EXPECT_FALSE (case_review_stratified_estimate_add_stratum (estimate.get (), 100, 101, 1, &error));
  expect_error (error, "sample_size");
  error = nullptr;
  EXPECT_FALSE (case_review_stratified_estimate_add_stratum (estimate.get (), 100, 10, 11, &error));
  expect_error (error, "deviations");
  error = nullptr;
  EXPECT_FALSE (case_review_stratified_estimate_add_stratum (estimate.get (), 0, 0, 0, &error));
  expect_error (error, "population_size");
  error = nullptr;
  EXPECT_FALSE (case_review_stratified_estimate_add_stratum (estimate.get (), 100, 0, 0, &error));
  expect_error (error, "sample_size");
  error = nullptr;
  EXPECT_EQ (case_review_stratified_estimate_get_n_strata (estimate.get ()), 1u);

  result.reset (case_review_stratified_estimate_compute (estimate.get (), 1.0, &error));
  expect_error (error, "confidence");
  error = nullptr;
  result.reset (case_review_stratified_estimate_compute (estimate.get (), 0.95, &error));
  ASSERT_TRUE (result);
  EXPECT_EQ (case_review_stratified_bound_get_n_strata (result.get ()), 1u);
}
