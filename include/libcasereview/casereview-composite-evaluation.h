/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-composite-component.h>
#include <libcasereview/casereview-composite-result.h>
#include <libcasereview/casereview-population.h>

G_BEGIN_DECLS

/**
 * CaseReviewMissingScorePolicy:
 * @CASE_REVIEW_MISSING_SCORE_POLICY_ERROR: a subject without a value for
 *   some component makes the computation fail, naming the subject and the
 *   component
 * @CASE_REVIEW_MISSING_SCORE_POLICY_ZERO: the component scores 0 for that
 *   subject (and 0 votes for a vote-share component), and the result lists
 *   the component in [method@CaseReview.CompositeResult.get_missing_components]
 *
 * What a composite evaluation does with a subject that has no values for a
 * component.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_MISSING_SCORE_POLICY_ERROR,
  CASE_REVIEW_MISSING_SCORE_POLICY_ZERO,
} CaseReviewMissingScorePolicy;

#define CASE_REVIEW_TYPE_COMPOSITE_EVALUATION (case_review_composite_evaluation_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewCompositeEvaluation, case_review_composite_evaluation, CASE_REVIEW, COMPOSITE_EVALUATION, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCompositeEvaluation *case_review_composite_evaluation_new                    (const char                     *id);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCompositeEvaluation *case_review_composite_evaluation_new_from_json          (const char                     *json,
                                                                                        GError                        **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCompositeEvaluation *case_review_composite_evaluation_new_from_file          (GFile                          *file,
                                                                                        GCancellable                   *cancellable,
                                                                                        GError                        **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char                          *case_review_composite_evaluation_to_json                (CaseReviewCompositeEvaluation  *self);

CASE_REVIEW_AVAILABLE_IN_0_1
const char                    *case_review_composite_evaluation_get_id                 (CaseReviewCompositeEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                    *case_review_composite_evaluation_get_title              (CaseReviewCompositeEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                           case_review_composite_evaluation_set_title              (CaseReviewCompositeEvaluation  *self,
                                                                                        const char                     *title);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                    *case_review_composite_evaluation_get_title_en           (CaseReviewCompositeEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                           case_review_composite_evaluation_set_title_en           (CaseReviewCompositeEvaluation  *self,
                                                                                        const char                     *title_en);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                          case_review_composite_evaluation_get_bottom_n           (CaseReviewCompositeEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                           case_review_composite_evaluation_set_bottom_n           (CaseReviewCompositeEvaluation  *self,
                                                                                        guint                           bottom_n);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                          case_review_composite_evaluation_get_floor_hundredths   (CaseReviewCompositeEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                           case_review_composite_evaluation_set_floor_hundredths   (CaseReviewCompositeEvaluation  *self,
                                                                                        guint                           floor_hundredths);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewMissingScorePolicy   case_review_composite_evaluation_get_missing_score_policy (CaseReviewCompositeEvaluation *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                           case_review_composite_evaluation_set_missing_score_policy (CaseReviewCompositeEvaluation *self,
                                                                                        CaseReviewMissingScorePolicy    policy);

CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                       case_review_composite_evaluation_add_component          (CaseReviewCompositeEvaluation  *self,
                                                                                        CaseReviewCompositeComponent   *component,
                                                                                        GError                        **error);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel                    *case_review_composite_evaluation_get_components         (CaseReviewCompositeEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCompositeComponent  *case_review_composite_evaluation_lookup_component       (CaseReviewCompositeEvaluation  *self,
                                                                                        const char                     *component_id);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                       case_review_composite_evaluation_validate               (CaseReviewCompositeEvaluation  *self,
                                                                                        GError                        **error);

CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                       case_review_composite_evaluation_add_subject            (CaseReviewCompositeEvaluation  *self,
                                                                                        const char                     *subject_id,
                                                                                        const char                     *name,
                                                                                        GError                        **error);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                          case_review_composite_evaluation_get_n_subjects         (CaseReviewCompositeEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                         **case_review_composite_evaluation_dup_subject_ids        (CaseReviewCompositeEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                          case_review_composite_evaluation_get_n_values           (CaseReviewCompositeEvaluation  *self,
                                                                                        const char                     *component_id);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                       case_review_composite_evaluation_add_score              (CaseReviewCompositeEvaluation  *self,
                                                                                        const char                     *subject_id,
                                                                                        const char                     *component_id,
                                                                                        const char                     *rater,
                                                                                        const char                     *value,
                                                                                        GError                        **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                       case_review_composite_evaluation_add_score_hundredths   (CaseReviewCompositeEvaluation  *self,
                                                                                        const char                     *subject_id,
                                                                                        const char                     *component_id,
                                                                                        const char                     *rater,
                                                                                        int                             hundredths,
                                                                                        GError                        **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                       case_review_composite_evaluation_add_votes              (CaseReviewCompositeEvaluation  *self,
                                                                                        const char                     *subject_id,
                                                                                        const char                     *component_id,
                                                                                        gint64                          votes,
                                                                                        GError                        **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                       case_review_composite_evaluation_load_scores_csv        (CaseReviewCompositeEvaluation  *self,
                                                                                        GFile                          *file,
                                                                                        CaseReviewTextEncoding          encoding,
                                                                                        GCancellable                   *cancellable,
                                                                                        GError                        **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char                          *case_review_composite_evaluation_scores_to_csv          (CaseReviewCompositeEvaluation  *self);

CASE_REVIEW_AVAILABLE_IN_0_1
GListModel                    *case_review_composite_evaluation_compute                (CaseReviewCompositeEvaluation  *self,
                                                                                        GError                        **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char                          *case_review_composite_evaluation_results_to_json        (CaseReviewCompositeEvaluation  *self,
                                                                                        GError                        **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char                          *case_review_composite_evaluation_results_to_csv         (CaseReviewCompositeEvaluation  *self,
                                                                                        GError                        **error);

G_END_DECLS
