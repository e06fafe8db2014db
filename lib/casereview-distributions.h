/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private numerics of the statistics module (not installed, not exported):
 * probability mass functions in log space after Loader (2000), "Fast and
 * accurate computation of binomial probabilities", distribution functions by
 * summing the mass away from the mode, and their inverses in the rate or
 * mean (the beta and gamma quantiles of the confidence bounds).
 * docs/statistics.md describes them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* log (C(n, x) p^x q^(n-x)) with q = 1 - p given separately for accuracy;
 * x and n may be real (0 <= x <= n). */
double case_review_log_binomial_pmf_raw (double x,
                                         double n,
                                         double p,
                                         double q);

/* log (mean^x e^-mean / Γ(x + 1)); x may be real (x >= 0). */
double case_review_log_poisson_pmf_raw (double x,
                                        double mean);

/* log P(X = x), X ~ Hypergeometric (N, K, n). */
double case_review_log_hypergeometric_pmf (guint64 x,
                                           guint64 N,
                                           guint64 K,
                                           guint64 n);

/* Both tails, P(X <= k) and P(X > k), of X ~ Binomial (n, p), Poisson (mean)
 * or Hypergeometric (N, K, n) (K marked units among N, n drawn without
 * replacement); the smaller tail keeps full relative precision. If the lower
 * tail is summed and the partial sum exceeds stop_above, the sum stops there
 * and *lower is that partial sum, a lower bound above stop_above. */
void case_review_binomial_tails       (guint64  k,
                                       guint64  n,
                                       double   p,
                                       double   stop_above,
                                       double  *lower,
                                       double  *upper);
void case_review_poisson_tails        (guint64  k,
                                       double   mean,
                                       double   stop_above,
                                       double  *lower,
                                       double  *upper);
void case_review_hypergeometric_tails (guint64  k,
                                       guint64  N,
                                       guint64  K,
                                       guint64  n,
                                       double   stop_above,
                                       double  *lower,
                                       double  *upper);

/* P(X <= k), the full sums. */
double case_review_binomial_cdf_internal       (guint64 k,
                                                guint64 n,
                                                double  p);
double case_review_poisson_cdf_internal        (guint64 k,
                                                double  mean);
double case_review_hypergeometric_cdf_internal (guint64 k,
                                                guint64 N,
                                                guint64 K,
                                                guint64 n);

/* The rate p with P(X <= k) = prob (upper_tail FALSE) or P(X > k) = prob
 * (upper_tail TRUE) for X ~ Binomial (n, p), k < n, 0 < prob < 1: the beta
 * quantiles of the Clopper–Pearson bounds. */
double case_review_binomial_rate_quantile (guint64  k,
                                           guint64  n,
                                           double   prob,
                                           gboolean upper_tail);

/* The mean μ with P(X <= k) = prob or P(X > k) = prob for X ~ Poisson (μ):
 * the gamma quantiles of the Poisson bounds. */
double case_review_poisson_mean_quantile  (guint64  k,
                                           double   prob,
                                           gboolean upper_tail);

G_END_DECLS
