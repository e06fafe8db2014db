/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-frame-filter.h>
#include <libcasereview/casereview-population.h>

G_BEGIN_DECLS

/**
 * CaseReviewSamplingScheme:
 * @CASE_REVIEW_SAMPLING_SCHEME_PCG32: random numbers from PCG32 streams derived
 *   from the seed and each stratum's key (`docs/sampling-spec.md`)
 * @CASE_REVIEW_SAMPLING_SCHEME_TICKET: Rivest's consistent sampler: each case
 *   gets a SHA-256 ticket from the seed and its id, and the smallest tickets
 *   are drawn; checkable with nothing but a SHA-256 tool
 *
 * Where a draw's randomness comes from.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_SAMPLING_SCHEME_PCG32,
  CASE_REVIEW_SAMPLING_SCHEME_TICKET,
} CaseReviewSamplingScheme;

/**
 * CaseReviewSamplingMethod:
 * @CASE_REVIEW_SAMPLING_METHOD_SIMPLE_RANDOM: simple random sampling without
 *   replacement (partial Fisher–Yates, prefix-stable)
 * @CASE_REVIEW_SAMPLING_METHOD_SYSTEMATIC: every (N/n)-th unit from a random
 *   start, over the case id or the closing date
 * @CASE_REVIEW_SAMPLING_METHOD_PPS_SYSTEMATIC: systematic sampling with
 *   probability proportional to size (monetary-unit sampling)
 * @CASE_REVIEW_SAMPLING_METHOD_SEQUENTIAL_POISSON: sequential Poisson order
 *   sampling with probability proportional to size
 *
 * How units are selected within a stratum.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_SAMPLING_METHOD_SIMPLE_RANDOM,
  CASE_REVIEW_SAMPLING_METHOD_SYSTEMATIC,
  CASE_REVIEW_SAMPLING_METHOD_PPS_SYSTEMATIC,
  CASE_REVIEW_SAMPLING_METHOD_SEQUENTIAL_POISSON,
} CaseReviewSamplingMethod;

/**
 * CaseReviewAllocation:
 * @CASE_REVIEW_ALLOCATION_FIXED: the same number of files from every stratum
 *   ([property@CaseReview.SamplingPlan:per-stratum])
 * @CASE_REVIEW_ALLOCATION_PROPORTIONAL: a total split in proportion to the
 *   strata's sizes (largest remainders)
 * @CASE_REVIEW_ALLOCATION_EQUAL: a total split equally
 * @CASE_REVIEW_ALLOCATION_NEYMAN: a total split in proportion to
 *   N·√(p(1−p)) with each stratum's expected deviation rate p
 * @CASE_REVIEW_ALLOCATION_ATTRIBUTE: each stratum gets its own attribute
 *   sample size (hypergeometric, with that stratum's size)
 *
 * How a sample size is spread over the strata.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_ALLOCATION_FIXED,
  CASE_REVIEW_ALLOCATION_PROPORTIONAL,
  CASE_REVIEW_ALLOCATION_EQUAL,
  CASE_REVIEW_ALLOCATION_NEYMAN,
  CASE_REVIEW_ALLOCATION_ATTRIBUTE,
} CaseReviewAllocation;

/**
 * CaseReviewSortKey:
 * @CASE_REVIEW_SORT_KEY_CASE_ID: case ids as UTF-8 byte strings
 * @CASE_REVIEW_SORT_KEY_CLOSED_ON: closing date, then case id, so that a
 *   systematic sample spreads over the year
 *
 * The order systematic methods walk a stratum in.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_SORT_KEY_CASE_ID,
  CASE_REVIEW_SORT_KEY_CLOSED_ON,
} CaseReviewSortKey;

/**
 * CaseReviewSizeMeasure:
 * @CASE_REVIEW_SIZE_MEASURE_AMOUNT: the amount fined or confiscated, in fen
 * @CASE_REVIEW_SIZE_MEASURE_WEIGHT: the risk weight, in millionths
 *
 * The size that probability-proportional-to-size methods use.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_SIZE_MEASURE_AMOUNT,
  CASE_REVIEW_SIZE_MEASURE_WEIGHT,
} CaseReviewSizeMeasure;

#define CASE_REVIEW_TYPE_SAMPLING_PLAN (case_review_sampling_plan_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewSamplingPlan, case_review_sampling_plan, CASE_REVIEW, SAMPLING_PLAN, GObject)

typedef struct _CaseReviewSample CaseReviewSample;

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewSamplingPlan *case_review_sampling_plan_new                 (const char              *seed);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewSamplingPlan *case_review_sampling_plan_new_from_json       (const char              *json,
                                                                       GError                 **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewSamplingPlan *case_review_sampling_plan_new_from_file       (GFile                   *file,
                                                                       GCancellable            *cancellable,
                                                                       GError                 **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char                   *case_review_sampling_plan_to_json             (CaseReviewSamplingPlan  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char             *case_review_sampling_plan_get_seed            (CaseReviewSamplingPlan  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewFrameFilter  *case_review_sampling_plan_get_filter          (CaseReviewSamplingPlan  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                    case_review_sampling_plan_set_stratum_expected_rate (CaseReviewSamplingPlan *self,
                                                                       const char              *stratum,
                                                                       double                   rate);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                case_review_sampling_plan_validate            (CaseReviewSamplingPlan  *self,
                                                                       GError                 **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewSample       *case_review_sampling_plan_draw                (CaseReviewSamplingPlan  *self,
                                                                       CaseReviewPopulation    *population,
                                                                       GCancellable            *cancellable,
                                                                       GError                 **error);

G_END_DECLS
