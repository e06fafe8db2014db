/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CaseReviewCompositeRule:
 * @CASE_REVIEW_COMPOSITE_RULE_MEAN: the mean of the subject's scores,
 *   rounded half up to the hundredth
 * @CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN: from
 *   [property@CaseReview.CompositeComponent:trim-from] scores up, the mean
 *   without the single highest and the single lowest score; below that, the
 *   plain mean (rounded half up to the hundredth)
 * @CASE_REVIEW_COMPOSITE_RULE_MAX: the highest of the subject's scores
 * @CASE_REVIEW_COMPOSITE_RULE_SINGLE: exactly one score per subject, taken
 *   as it is; a second one is an error
 * @CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE: the raw values are vote counts
 *   (one per subject) and the score is 100 × votes ÷ the most votes any
 *   subject got, rounded half up to the hundredth
 *
 * How a component turns a subject's raw values into the component's score.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_COMPOSITE_RULE_MEAN,
  CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN,
  CASE_REVIEW_COMPOSITE_RULE_MAX,
  CASE_REVIEW_COMPOSITE_RULE_SINGLE,
  CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE,
} CaseReviewCompositeRule;

#define CASE_REVIEW_TYPE_COMPOSITE_COMPONENT (case_review_composite_component_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewCompositeComponent, case_review_composite_component, CASE_REVIEW, COMPOSITE_COMPONENT, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCompositeComponent *case_review_composite_component_new                  (const char                    *id,
                                                                                    CaseReviewCompositeRule        rule,
                                                                                    const char                    *weight,
                                                                                    GError                       **error);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                   *case_review_composite_component_get_id               (CaseReviewCompositeComponent  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCompositeRule       case_review_composite_component_get_rule             (CaseReviewCompositeComponent  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                   *case_review_composite_component_get_weight           (CaseReviewCompositeComponent  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                         case_review_composite_component_get_weight_millionths (CaseReviewCompositeComponent *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                   *case_review_composite_component_get_label            (CaseReviewCompositeComponent  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                          case_review_composite_component_set_label            (CaseReviewCompositeComponent  *self,
                                                                                    const char                    *label);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                   *case_review_composite_component_get_label_en         (CaseReviewCompositeComponent  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                          case_review_composite_component_set_label_en         (CaseReviewCompositeComponent  *self,
                                                                                    const char                    *label_en);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                         case_review_composite_component_get_trim_from        (CaseReviewCompositeComponent  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                          case_review_composite_component_set_trim_from        (CaseReviewCompositeComponent  *self,
                                                                                    guint                          trim_from);

G_END_DECLS
