/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewCaseResult:
 *
 * The result of one case file in a [class@CaseReview.Evaluation]: its
 * reviewers' sheets combined (mean of two to four, trimmed mean — without
 * the single highest and lowest — of five or more), or the re-review's when
 * there is one; its grade and vetoes; and whether a re-review (复核) is
 * needed because a score fell below the threshold or the grades differ.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-results-private.h"

struct _CaseReviewCaseResult
{
  GObject parent_instance;
  CaseResultData data;
};

G_DEFINE_FINAL_TYPE (CaseReviewCaseResult, case_review_case_result, G_TYPE_OBJECT)

static void
case_review_case_result_finalize (GObject *object)
{
  CaseReviewCaseResult *self = CASE_REVIEW_CASE_RESULT (object);

  g_free (self->data.case_id);
  g_free (self->data.agency_id);
  g_strfreev (self->data.veto_codes);

  G_OBJECT_CLASS (case_review_case_result_parent_class)->finalize (object);
}

static void
case_review_case_result_class_init (CaseReviewCaseResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_case_result_finalize;
}

static void
case_review_case_result_init (CaseReviewCaseResult *self)
{
}

CaseReviewCaseResult *
case_review_case_result_new_internal (CaseResultData *data)
{
  CaseReviewCaseResult *self = g_object_new (CASE_REVIEW_TYPE_CASE_RESULT, NULL);

  self->data = *data;
  if (self->data.veto_codes == NULL)
    self->data.veto_codes = g_new0 (char *, 1);
  return self;
}

/**
 * case_review_case_result_get_case_id:
 * @self: a case result
 *
 * The case file.
 *
 * Returns: the case id
 *
 * Since: 0.1
 */
const char *
case_review_case_result_get_case_id (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), NULL);
  return self->data.case_id;
}

/**
 * case_review_case_result_get_agency_id:
 * @self: a case result
 *
 * The agency whose file it is.
 *
 * Returns: the agency id
 *
 * Since: 0.1
 */
const char *
case_review_case_result_get_agency_id (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), NULL);
  return self->data.agency_id;
}

/**
 * case_review_case_result_get_kind:
 * @self: a case result
 *
 * The file's enforcement kind.
 *
 * Returns: the kind
 *
 * Since: 0.1
 */
CaseReviewEnforcementKind
case_review_case_result_get_kind (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), CASE_REVIEW_ENFORCEMENT_KIND_OTHER);
  return self->data.kind;
}

/**
 * case_review_case_result_get_n_sheets:
 * @self: a case result
 *
 * How many initial (not re-review) sheets were combined.
 *
 * Returns: the number of sheets
 *
 * Since: 0.1
 */
guint
case_review_case_result_get_n_sheets (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), 0);
  return self->data.n_sheets;
}

/**
 * case_review_case_result_get_initial_score_hundredths:
 * @self: a case result
 *
 * The combined score of the initial sheets, kept even when a re-review
 * replaced it, in hundredths of a point.
 *
 * Returns: the initial score ×100
 *
 * Since: 0.1
 */
guint
case_review_case_result_get_initial_score_hundredths (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), 0);
  return self->data.initial_score;
}

/**
 * case_review_case_result_get_score_hundredths:
 * @self: a case result
 *
 * The file's final score in hundredths of a point: the re-review's when
 * there is one, otherwise the initial sheets combined; 0 when vetoed.
 *
 * Returns: the score ×100
 *
 * Since: 0.1
 */
guint
case_review_case_result_get_score_hundredths (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), 0);
  return self->data.score;
}

/**
 * case_review_case_result_get_score:
 * @self: a case result
 *
 * The final score in points.
 *
 * Returns: the score, with two decimals
 *
 * Since: 0.1
 */
double
case_review_case_result_get_score (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), 0);
  return self->data.score / 100.0;
}

/**
 * case_review_case_result_get_grade:
 * @self: a case result
 *
 * The file's grade.
 *
 * Returns: the grade
 *
 * Since: 0.1
 */
CaseReviewGrade
case_review_case_result_get_grade (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), CASE_REVIEW_GRADE_FAIL);
  return self->data.grade;
}

/**
 * case_review_case_result_is_vetoed:
 * @self: a case result
 *
 * Whether the final result carries a legality veto.
 *
 * Returns: %TRUE if vetoed
 *
 * Since: 0.1
 */
gboolean
case_review_case_result_is_vetoed (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), FALSE);
  return self->data.vetoed;
}

/**
 * case_review_case_result_get_veto_codes:
 * @self: a case result
 *
 * The vetoes of the final result, sorted, without duplicates.
 *
 * Returns: (transfer none) (array zero-terminated=1): veto codes
 *
 * Since: 0.1
 */
const char * const *
case_review_case_result_get_veto_codes (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), NULL);
  return (const char * const *) self->data.veto_codes;
}

/**
 * case_review_case_result_needs_rereview:
 * @self: a case result
 *
 * Whether the file needs a re-review and has none yet: an initial score
 * below the evaluation's threshold, or initial sheets with different grades.
 *
 * Returns: %TRUE if a re-review is due
 *
 * Since: 0.1
 */
gboolean
case_review_case_result_needs_rereview (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), FALSE);
  return self->data.needs_rereview;
}

/**
 * case_review_case_result_is_rereviewed:
 * @self: a case result
 *
 * Whether a re-review sheet decided the result.
 *
 * Returns: %TRUE if re-reviewed
 *
 * Since: 0.1
 */
gboolean
case_review_case_result_is_rereviewed (CaseReviewCaseResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_RESULT (self), FALSE);
  return self->data.rereviewed;
}
