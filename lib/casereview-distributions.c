/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Numerics behind the statistics module; see casereview-distributions.h and
 * docs/statistics.md ("Numerics").
 *
 * Probabilities are computed in log space with Loader's saddle-point form
 *
 *   log C(n, x) p^x q^(n-x) = δ(n) − δ(x) − δ(n−x) − D(x, np) − D(n−x, nq)
 *                             − ½ log (2π x (n−x) / n)
 *
 * where δ is the error of Stirling's formula and D(x, m) = x log (x/m) + m − x
 * the deviance, evaluated by a series when x ≈ m. Unlike differences of
 * lgamma() values, which for N = 10^8 are near 2·10^9 and so lose seven
 * digits, every term here is small or computed without cancellation: the
 * result keeps about 14 significant digits for any argument size.
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include "casereview-distributions.h"

#define LN_SQRT_2PI 0.918938533204672741780329736406  /* log (sqrt (2π)) */
#define LN_2PI      1.837877066409345483560659472811  /* log (2π) */

/* A sum stops once a term is this small relative to it; the terms decrease
 * faster than geometrically past that point. */
#define SUM_EPSILON 1e-17

/* δ(n) = log Γ(n + 1) − (n + ½) log n + n − log sqrt (2π) for n = 0 … 15,
 * computed to 20 digits with Python's decimal module (δ(0) is never used). */
static const double stirling_error_table[16] = {
  0.0,
  8.10614667953272582197e-2,
  4.13406959554092940938e-2,
  2.76779256849983391488e-2,
  2.07906721037650931115e-2,
  1.66446911898211921632e-2,
  1.38761288230707479987e-2,
  1.18967099458917700951e-2,
  1.04112652619720964975e-2,
  9.25546218271273291773e-3,
  8.33056343336287125647e-3,
  7.57367548795184079497e-3,
  6.94284010720952986566e-3,
  6.40899418800420706844e-3,
  5.95137011275884773562e-3,
  5.55473355196280137104e-3,
};

/* δ(n), the error of Stirling's approximation to log n!. */
static double
stirling_error (double n)
{
  const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
  double nn;

  if (n <= 15.0)
    {
      if (n == floor (n))
        return stirling_error_table[(int) n];
      return lgamma (n + 1.0) - (n + 0.5) * log (n) + n - LN_SQRT_2PI;
    }

  nn = n * n;
  if (n > 500)
    return (s0 - s1 / nn) / n;
  if (n > 80)
    return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35)
    return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/* D(x, m) = x log (x / m) + m − x ≥ 0, without cancellation when x ≈ m. */
static double
deviance (double x,
          double m)
{
  if (fabs (x - m) < 0.1 * (x + m))
    {
      double v = (x - m) / (x + m);
      double sum = (x - m) * v;
      double term = 2 * x * v;

      v = v * v;
      for (int j = 1; j < 1000; j++)
        {
          double next;

          term *= v;
          next = sum + term / (2 * j + 1);
          if (next == sum)
            return next;
          sum = next;
        }
      return sum;
    }

  return x * log (x / m) + m - x;
}

double
case_review_log_binomial_pmf_raw (double x,
                                  double n,
                                  double p,
                                  double q)
{
  double lc, lf;

  if (x < 0 || x > n)
    return -INFINITY;
  if (p == 0)
    return x == 0 ? 0.0 : -INFINITY;
  if (q == 0)
    return x == n ? 0.0 : -INFINITY;
  if (x == 0)
    {
      if (n == 0)
        return 0.0;
      return p < 0.1 ? -deviance (n, n * q) - n * p : n * log (q);
    }
  if (x == n)
    return q < 0.1 ? -deviance (n, n * p) - n * q : n * log (p);

  lc = stirling_error (n) - stirling_error (x) - stirling_error (n - x)
       - deviance (x, n * p) - deviance (n - x, n * q);
  lf = LN_2PI + log (x) + log1p (-x / n);

  return lc - 0.5 * lf;
}

double
case_review_log_poisson_pmf_raw (double x,
                                 double mean)
{
  if (mean == 0)
    return x == 0 ? 0.0 : -INFINITY;
  if (x == 0)
    return -mean;

  return -stirling_error (x) - deviance (x, mean) - 0.5 * (LN_2PI + log (x));
}

/* The support of Hypergeometric (N, K, n) is [lo, hi]. */
static void
hypergeometric_support (guint64  N,
                        guint64  K,
                        guint64  n,
                        guint64 *lo,
                        guint64 *hi)
{
  *lo = n > N - K ? n - (N - K) : 0;
  *hi = MIN (n, K);
}

double
case_review_log_hypergeometric_pmf (guint64 x,
                                    guint64 N,
                                    guint64 K,
                                    guint64 n)
{
  guint64 lo, hi;
  double p, q;

  hypergeometric_support (N, K, n, &lo, &hi);
  if (x < lo || x > hi)
    return -INFINITY;
  if (n == 0 || n == N)
    return 0.0;

  /* C(K, x) C(N−K, n−x) / C(N, n) = b(x; K, p) b(n−x; N−K, p) / b(n; N, p)
   * for any p; p = n/N makes every factor large. */
  p = (double) n / (double) N;
  q = (double) (N - n) / (double) N;

  return case_review_log_binomial_pmf_raw ((double) x, (double) K, p, q)
         + case_review_log_binomial_pmf_raw ((double) (n - x), (double) (N - K), p, q)
         - case_review_log_binomial_pmf_raw ((double) n, (double) N, p, q);
}

/*
 * Distribution functions of the three discrete models. Each sums the mass
 * function from k away from the mode, where the terms decrease: downwards
 * (the lower tail P(X ≤ k)) when k is below the mode, otherwise upwards from
 * k + 1 (the upper tail P(X > k)); the other tail is 1 minus it, so the
 * smaller tail always keeps its relative precision. The first term comes
 * from the log-space mass function, the next ones from the ratio of
 * consecutive terms. A lower-tail sum stops early once it exceeds
 * @stop_above (pass INFINITY for the full sum): the partial sum is then a
 * lower bound of P(X ≤ k) already above the threshold.
 */

static void
set_tails (double  lower_sum,
           double  upper_sum,
           gboolean lower_summed,
           double *lower,
           double *upper)
{
  if (lower_summed)
    {
      *lower = MIN (lower_sum, 1.0);
      *upper = MAX (1.0 - *lower, 0.0);
    }
  else
    {
      *upper = MIN (upper_sum, 1.0);
      *lower = MAX (1.0 - *upper, 0.0);
    }
}

void
case_review_binomial_tails (guint64  k,
                            guint64  n,
                            double   p,
                            double   stop_above,
                            double  *lower,
                            double  *upper)
{
  double q = 1.0 - p;
  double dn = (double) n;
  double term, sum;

  if (k >= n || p <= 0)
    {
      *lower = 1.0;
      *upper = 0.0;
      return;
    }
  if (p >= 1)
    {
      *lower = 0.0;
      *upper = 1.0;
      return;
    }

  if ((double) k < floor ((dn + 1) * p))
    {
      term = exp (case_review_log_binomial_pmf_raw ((double) k, dn, p, q));
      sum = term;
      for (guint64 i = k; i > 0 && term > sum * SUM_EPSILON && sum <= stop_above; i--)
        {
          double di = (double) i;

          /* b(i−1) / b(i) = i q / ((n−i+1) p) */
          term *= di * q / ((dn - di + 1) * p);
          sum += term;
        }
      set_tails (sum, 0.0, TRUE, lower, upper);
      return;
    }

  term = exp (case_review_log_binomial_pmf_raw ((double) (k + 1), dn, p, q));
  sum = term;
  for (guint64 i = k + 1; i < n && term > sum * SUM_EPSILON; i++)
    {
      double di = (double) i;

      /* b(i+1) / b(i) = (n−i) p / ((i+1) q) */
      term *= (dn - di) * p / ((di + 1) * q);
      sum += term;
    }
  set_tails (0.0, sum, FALSE, lower, upper);
}

void
case_review_poisson_tails (guint64  k,
                           double   mean,
                           double   stop_above,
                           double  *lower,
                           double  *upper)
{
  double term, sum;

  if (mean <= 0)
    {
      *lower = 1.0;
      *upper = 0.0;
      return;
    }

  if ((double) k < floor (mean))
    {
      term = exp (case_review_log_poisson_pmf_raw ((double) k, mean));
      sum = term;
      for (guint64 i = k; i > 0 && term > sum * SUM_EPSILON && sum <= stop_above; i--)
        {
          term *= (double) i / mean;
          sum += term;
        }
      set_tails (sum, 0.0, TRUE, lower, upper);
      return;
    }

  term = exp (case_review_log_poisson_pmf_raw ((double) (k + 1), mean));
  sum = term;
  for (guint64 i = k + 1; term > sum * SUM_EPSILON; i++)
    {
      term *= mean / (double) (i + 1);
      sum += term;
    }
  set_tails (0.0, sum, FALSE, lower, upper);
}

void
case_review_hypergeometric_tails (guint64  k,
                                  guint64  N,
                                  guint64  K,
                                  guint64  n,
                                  double   stop_above,
                                  double  *lower,
                                  double  *upper)
{
  guint64 lo, hi;
  double dN = (double) N, dK = (double) K, dn = (double) n;
  double term, sum;

  hypergeometric_support (N, K, n, &lo, &hi);
  if (k < lo)
    {
      *lower = 0.0;
      *upper = 1.0;
      return;
    }
  if (k >= hi)
    {
      *lower = 1.0;
      *upper = 0.0;
      return;
    }

  if ((double) k < floor ((dn + 1) * (dK + 1) / (dN + 2)))
    {
      term = exp (case_review_log_hypergeometric_pmf (k, N, K, n));
      sum = term;
      for (guint64 i = k; i > lo && term > sum * SUM_EPSILON && sum <= stop_above; i--)
        {
          double di = (double) i;

          /* h(i−1) / h(i) = i (N−K−n+i) / ((K−i+1)(n−i+1)) */
          term *= di * ((dN - dK) - dn + di) / ((dK - di + 1) * (dn - di + 1));
          sum += term;
        }
      set_tails (sum, 0.0, TRUE, lower, upper);
      return;
    }

  term = exp (case_review_log_hypergeometric_pmf (k + 1, N, K, n));
  sum = term;
  for (guint64 i = k + 1; i < hi && term > sum * SUM_EPSILON; i++)
    {
      double di = (double) i;

      /* h(i+1) / h(i) = (K−i)(n−i) / ((i+1)(N−K−n+i+1)) */
      term *= (dK - di) * (dn - di) / ((di + 1) * ((dN - dK) - dn + di + 1));
      sum += term;
    }
  set_tails (0.0, sum, FALSE, lower, upper);
}

double
case_review_binomial_cdf_internal (guint64 k,
                                   guint64 n,
                                   double  p)
{
  double lower, upper;

  case_review_binomial_tails (k, n, p, INFINITY, &lower, &upper);
  return lower;
}

double
case_review_poisson_cdf_internal (guint64 k,
                                  double  mean)
{
  double lower, upper;

  case_review_poisson_tails (k, mean, INFINITY, &lower, &upper);
  return lower;
}

double
case_review_hypergeometric_cdf_internal (guint64 k,
                                         guint64 N,
                                         guint64 K,
                                         guint64 n)
{
  double lower, upper;

  case_review_hypergeometric_tails (k, N, K, n, INFINITY, &lower, &upper);
  return lower;
}

/*
 * Inverses in the parameter: the rate p (binomial) or mean μ (Poisson) at
 * which a tail probability equals a target. These are the beta and gamma
 * quantiles of the Clopper–Pearson and Poisson bounds: for integer
 * parameters the regularized incomplete beta and gamma functions are finite
 * sums, 1 − I_p(k+1, n−k) = P(Binomial (n, p) ≤ k) and Q(k+1, μ) =
 * P(Poisson (μ) ≤ k), which the sums above evaluate to about 14 digits for
 * any n. (A Lentz continued fraction for I_p loses digits to cancellation
 * when p is tiny and n huge: about 1e-10 relative at n = 10^8, k = 1.)
 *
 * The root is found by Newton's method on the tail probability, whose
 * derivative is a mass function, replaced by bisection of the bracket
 * (geometric while it spans orders of magnitude, so that tiny roots keep
 * their relative precision) whenever a step would leave it.
 */

typedef struct {
  gboolean poisson;
  guint64  k;
  guint64  n;
  double   prob;
  gboolean upper_tail;
} QuantileProblem;

/* tail(x) − prob, increasing in x, and its derivative. */
static double
tail_minus_target (const QuantileProblem *problem,
                   double                 x,
                   double                *derivative)
{
  double lower, upper, density;

  if (problem->poisson)
    {
      case_review_poisson_tails (problem->k, x, INFINITY, &lower, &upper);
      /* d/dμ P(X ≤ k) = −P(X = k) */
      density = exp (case_review_log_poisson_pmf_raw ((double) problem->k, x));
    }
  else
    {
      double dn = (double) problem->n;

      case_review_binomial_tails (problem->k, problem->n, x, INFINITY, &lower, &upper);
      /* d/dp P(X ≤ k) = −n b(k; n−1, p) */
      density = dn * exp (case_review_log_binomial_pmf_raw ((double) problem->k, dn - 1, x, 1.0 - x));
    }

  *derivative = density;
  return problem->upper_tail ? upper - problem->prob : problem->prob - lower;
}

static double
solve_increasing (const QuantileProblem *problem,
                  double                 lo,
                  double                 hi,
                  double                 x)
{
  for (int iteration = 0; iteration < 400; iteration++)
    {
      double derivative = 0.0;
      double f = tail_minus_target (problem, x, &derivative);
      double next;

      if (f == 0)
        return x;
      if (f < 0)
        lo = x;
      else
        hi = x;

      next = derivative > 0 ? x - f / derivative : NAN;
      if (!(next > lo && next < hi))
        next = (lo > 0 && hi / lo > 4) ? sqrt (lo * hi) : lo + (hi - lo) / 2;

      if (fabs (next - x) <= 4 * DBL_EPSILON * fabs (next) || hi - lo <= 4 * DBL_EPSILON * hi)
        return next;
      x = next;
    }

  return x;
}

double
case_review_binomial_rate_quantile (guint64  k,
                                    guint64  n,
                                    double   prob,
                                    gboolean upper_tail)
{
  QuantileProblem problem = { FALSE, k, n, prob, upper_tail };
  double guess = MIN (((double) k + (upper_tail ? 0.5 : 1.0)) / (double) n, 0.5 + 0.5 * (double) k / (double) n);

  g_assert (k < n && prob > 0 && prob < 1);

  return solve_increasing (&problem, 0.0, 1.0, guess);
}

double
case_review_poisson_mean_quantile (guint64  k,
                                   double   prob,
                                   gboolean upper_tail)
{
  QuantileProblem problem = { TRUE, k, 0, prob, upper_tail };
  double hi = (double) k + 10 * sqrt ((double) k + 1) + 10;
  double derivative;

  g_assert (prob > 0 && prob < 1);

  while (tail_minus_target (&problem, hi, &derivative) < 0)
    hi *= 2;

  return solve_increasing (&problem, 0.0, hi, (double) k + 1);
}
