/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CaseReviewStatisticalModel:
 * @CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL: sampling with replacement, or from
 *   a population so large that it makes no difference: the number of
 *   deviations in n files is Binomial (n, rate)
 * @CASE_REVIEW_STATISTICAL_MODEL_POISSON: the Poisson approximation to the
 *   binomial model, Poisson (n · rate); slightly more conservative
 * @CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC: sampling without
 *   replacement from a population of N files of which K deviate: the number
 *   of deviations is Hypergeometric (N, K, n); exact for a finite population
 *   and much cheaper for a small one
 *
 * The probability model of the number of deviations found in a sample,
 * used to plan sample sizes ([ctor@CaseReview.AttributePlan.new]) and to
 * bound deviation rates ([ctor@CaseReview.Bound.new_upper]).
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL,
  CASE_REVIEW_STATISTICAL_MODEL_POISSON,
  CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC,
} CaseReviewStatisticalModel;

/* Exact rates */

CASE_REVIEW_AVAILABLE_IN_0_1
gboolean  case_review_parse_rate           (const char *text,
                                            double     *out_rate,
                                            GError    **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char     *case_review_format_rate          (double      rate);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64   case_review_rate_ceil_count      (double      rate,
                                            guint64     count);

/* Distribution functions */

CASE_REVIEW_AVAILABLE_IN_0_1
double    case_review_binomial_cdf         (guint64     k,
                                            guint64     n,
                                            double      rate);
CASE_REVIEW_AVAILABLE_IN_0_1
double    case_review_poisson_cdf          (guint64     k,
                                            double      mean);
CASE_REVIEW_AVAILABLE_IN_0_1
double    case_review_hypergeometric_cdf   (guint64     k,
                                            guint64     population_size,
                                            guint64     population_deviations,
                                            guint64     sample_size);

/* Attribute sample-size plans */

#define CASE_REVIEW_TYPE_ATTRIBUTE_PLAN (case_review_attribute_plan_get_type ())

typedef struct _CaseReviewAttributePlan CaseReviewAttributePlan;

CASE_REVIEW_AVAILABLE_IN_0_1
GType                       case_review_attribute_plan_get_type               (void) G_GNUC_CONST;

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewAttributePlan    *case_review_attribute_plan_new                    (CaseReviewStatisticalModel     model,
                                                                               double                         confidence,
                                                                               double                         tolerable_rate,
                                                                               double                         expected_rate,
                                                                               guint64                        population_size,
                                                                               GError                       **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewAttributePlan    *case_review_attribute_plan_new_for_deviations     (CaseReviewStatisticalModel     model,
                                                                               double                         confidence,
                                                                               double                         tolerable_rate,
                                                                               guint64                        allowed_deviations,
                                                                               guint64                        population_size,
                                                                               GError                       **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewAttributePlan    *case_review_attribute_plan_copy                   (const CaseReviewAttributePlan *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                        case_review_attribute_plan_free                   (CaseReviewAttributePlan       *self);

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewStatisticalModel  case_review_attribute_plan_get_model              (const CaseReviewAttributePlan *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                      case_review_attribute_plan_get_confidence         (const CaseReviewAttributePlan *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                      case_review_attribute_plan_get_tolerable_rate     (const CaseReviewAttributePlan *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                      case_review_attribute_plan_get_expected_rate      (const CaseReviewAttributePlan *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                    case_review_attribute_plan_has_expected_rate      (const CaseReviewAttributePlan *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                     case_review_attribute_plan_get_population_size    (const CaseReviewAttributePlan *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                     case_review_attribute_plan_get_critical_count     (const CaseReviewAttributePlan *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                     case_review_attribute_plan_get_sample_size        (const CaseReviewAttributePlan *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                     case_review_attribute_plan_get_allowed_deviations (const CaseReviewAttributePlan *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                      case_review_attribute_plan_get_achieved_risk      (const CaseReviewAttributePlan *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaseReviewAttributePlan, case_review_attribute_plan_free)

/* Bounds on a deviation rate */

#define CASE_REVIEW_TYPE_BOUND (case_review_bound_get_type ())

typedef struct _CaseReviewBound CaseReviewBound;

CASE_REVIEW_AVAILABLE_IN_0_1
GType                       case_review_bound_get_type            (void) G_GNUC_CONST;

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewBound            *case_review_bound_new_upper           (CaseReviewStatisticalModel  model,
                                                                   double                      confidence,
                                                                   guint64                     sample_size,
                                                                   guint64                     deviations,
                                                                   guint64                     population_size,
                                                                   GError                    **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewBound            *case_review_bound_new_interval        (CaseReviewStatisticalModel  model,
                                                                   double                      confidence,
                                                                   guint64                     sample_size,
                                                                   guint64                     deviations,
                                                                   guint64                     population_size,
                                                                   GError                    **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewBound            *case_review_bound_copy                (const CaseReviewBound      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                        case_review_bound_free                (CaseReviewBound            *self);

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewStatisticalModel  case_review_bound_get_model           (const CaseReviewBound      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                      case_review_bound_get_confidence      (const CaseReviewBound      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                    case_review_bound_is_two_sided        (const CaseReviewBound      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                     case_review_bound_get_sample_size     (const CaseReviewBound      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                     case_review_bound_get_deviations      (const CaseReviewBound      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                     case_review_bound_get_population_size (const CaseReviewBound      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                      case_review_bound_get_estimate        (const CaseReviewBound      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                      case_review_bound_get_lower           (const CaseReviewBound      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                      case_review_bound_get_upper           (const CaseReviewBound      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                     case_review_bound_get_lower_count     (const CaseReviewBound      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                     case_review_bound_get_upper_count     (const CaseReviewBound      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaseReviewBound, case_review_bound_free)

/* Stratified district-wide estimates */

#define CASE_REVIEW_TYPE_STRATIFIED_BOUND (case_review_stratified_bound_get_type ())

typedef struct _CaseReviewStratifiedBound CaseReviewStratifiedBound;

CASE_REVIEW_AVAILABLE_IN_0_1
GType                      case_review_stratified_bound_get_type                  (void) G_GNUC_CONST;

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewStratifiedBound *case_review_stratified_bound_copy                      (const CaseReviewStratifiedBound *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                       case_review_stratified_bound_free                      (CaseReviewStratifiedBound       *self);

CASE_REVIEW_AVAILABLE_IN_0_1
double                     case_review_stratified_bound_get_confidence            (const CaseReviewStratifiedBound *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                     case_review_stratified_bound_get_stratum_confidence    (const CaseReviewStratifiedBound *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                      case_review_stratified_bound_get_n_strata              (const CaseReviewStratifiedBound *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                    case_review_stratified_bound_get_population_size       (const CaseReviewStratifiedBound *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                    case_review_stratified_bound_get_sample_size           (const CaseReviewStratifiedBound *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                    case_review_stratified_bound_get_deviations            (const CaseReviewStratifiedBound *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                     case_review_stratified_bound_get_estimated_deviations  (const CaseReviewStratifiedBound *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                     case_review_stratified_bound_get_estimated_rate        (const CaseReviewStratifiedBound *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                    case_review_stratified_bound_get_upper_count           (const CaseReviewStratifiedBound *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                     case_review_stratified_bound_get_upper_rate            (const CaseReviewStratifiedBound *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64                    case_review_stratified_bound_get_stratum_upper_count   (const CaseReviewStratifiedBound *self,
                                                                                   guint                            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaseReviewStratifiedBound, case_review_stratified_bound_free)

#define CASE_REVIEW_TYPE_STRATIFIED_ESTIMATE (case_review_stratified_estimate_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewStratifiedEstimate, case_review_stratified_estimate,
                      CASE_REVIEW, STRATIFIED_ESTIMATE, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewStratifiedEstimate *case_review_stratified_estimate_new         (void);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                      case_review_stratified_estimate_add_stratum (CaseReviewStratifiedEstimate  *self,
                                                                           guint64                        population_size,
                                                                           guint64                        sample_size,
                                                                           guint64                        deviations,
                                                                           GError                       **error);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                         case_review_stratified_estimate_get_n_strata (CaseReviewStratifiedEstimate *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewStratifiedBound    *case_review_stratified_estimate_compute     (CaseReviewStratifiedEstimate  *self,
                                                                           double                         confidence,
                                                                           GError                       **error);

G_END_DECLS
