/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewCompositeResult:
 *
 * One subject's result in a [class@CaseReview.CompositeEvaluation]: each
 * component's score, the weighted total (both in hundredths of a point),
 * the subject's rank, and whether it is among the bottom N or below the
 * floor. Results come from [method@CaseReview.CompositeEvaluation.compute]
 * in rank order.
 *
 * Since: 0.1
 */
#include "config.h"

#include <string.h>

#include "casereview-composite-private.h"

struct _CaseReviewCompositeResult
{
  GObject parent_instance;

  CompositeResultData data;
};

G_DEFINE_FINAL_TYPE (CaseReviewCompositeResult, case_review_composite_result, G_TYPE_OBJECT)

void
composite_result_data_clear (CompositeResultData *data)
{
  g_clear_pointer (&data->subject_id, g_free);
  g_clear_pointer (&data->subject_name, g_free);
  g_clear_pointer (&data->component_ids, g_strfreev);
  g_clear_pointer (&data->scores, g_free);
  g_clear_pointer (&data->missing, g_strfreev);
}

static void
case_review_composite_result_finalize (GObject *object)
{
  composite_result_data_clear (&CASE_REVIEW_COMPOSITE_RESULT (object)->data);

  G_OBJECT_CLASS (case_review_composite_result_parent_class)->finalize (object);
}

static void
case_review_composite_result_class_init (CaseReviewCompositeResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_composite_result_finalize;
}

static void
case_review_composite_result_init (CaseReviewCompositeResult *self)
{
}

CaseReviewCompositeResult *
case_review_composite_result_new_internal (CompositeResultData *data)
{
  CaseReviewCompositeResult *self = g_object_new (CASE_REVIEW_TYPE_COMPOSITE_RESULT, NULL);

  self->data = *data;
  if (self->data.missing == NULL)
    self->data.missing = g_new0 (char *, 1);
  memset (data, 0, sizeof *data);
  return self;
}

static const CompositeComponentScore *
find_component (CaseReviewCompositeResult *self,
                const char                *component_id)
{
  for (guint i = 0; self->data.component_ids[i] != NULL; i++)
    if (g_str_equal (self->data.component_ids[i], component_id))
      return &self->data.scores[i];
  return NULL;
}

/**
 * case_review_composite_result_get_subject_id:
 * @self: a result
 *
 * The subject's id.
 *
 * Returns: the id
 *
 * Since: 0.1
 */
const char *
case_review_composite_result_get_subject_id (CaseReviewCompositeResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_RESULT (self), NULL);
  return self->data.subject_id;
}

/**
 * case_review_composite_result_get_subject_name:
 * @self: a result
 *
 * The subject's name.
 *
 * Returns: the name
 *
 * Since: 0.1
 */
const char *
case_review_composite_result_get_subject_name (CaseReviewCompositeResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_RESULT (self), NULL);
  return self->data.subject_name;
}

/**
 * case_review_composite_result_get_rank:
 * @self: a result
 *
 * The subject's rank, 1 for the best. Ranks are unique: total descending,
 * then the first component's score descending, then subject id ascending
 * (as UTF-8 bytes).
 *
 * Returns: the rank
 *
 * Since: 0.1
 */
guint
case_review_composite_result_get_rank (CaseReviewCompositeResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_RESULT (self), 0);
  return self->data.rank;
}

/**
 * case_review_composite_result_get_total_hundredths:
 * @self: a result
 *
 * The weighted total: the sum of weight × component score, computed
 * exactly and rounded half up once, to the hundredth.
 *
 * Returns: the total in hundredths of a point (8735 for 87.35)
 *
 * Since: 0.1
 */
guint
case_review_composite_result_get_total_hundredths (CaseReviewCompositeResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_RESULT (self), 0);
  return self->data.total;
}

/**
 * case_review_composite_result_get_component_score_hundredths:
 * @self: a result
 * @component_id: a component id of the evaluation
 *
 * The subject's score on one component, after the component's rule.
 *
 * Returns: the score in hundredths of a point, or -1 for an id that is
 *   not a component of the evaluation
 *
 * Since: 0.1
 */
int
case_review_composite_result_get_component_score_hundredths (CaseReviewCompositeResult *self,
                                                             const char                *component_id)
{
  const CompositeComponentScore *score;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_RESULT (self), -1);
  g_return_val_if_fail (component_id != NULL, -1);

  score = find_component (self, component_id);
  return score != NULL ? (int) score->score : -1;
}

/**
 * case_review_composite_result_get_component_n_values:
 * @self: a result
 * @component_id: a component id of the evaluation
 *
 * How many raw values the subject had for the component (the number of
 * experts who scored a hearing, say).
 *
 * Returns: the number of values, 0 for a missing component or an unknown id
 *
 * Since: 0.1
 */
guint
case_review_composite_result_get_component_n_values (CaseReviewCompositeResult *self,
                                                     const char                *component_id)
{
  const CompositeComponentScore *score;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_RESULT (self), 0);
  g_return_val_if_fail (component_id != NULL, 0);

  score = find_component (self, component_id);
  return score != NULL ? score->n_values : 0;
}

/**
 * case_review_composite_result_get_component_votes:
 * @self: a result
 * @component_id: a component id of the evaluation
 *
 * The subject's votes on a [enum@CaseReview.CompositeRule.VOTE_SHARE]
 * component.
 *
 * Returns: the vote count (0 for a missing count), or -1 when the component
 *   is not a vote share or the id is unknown
 *
 * Since: 0.1
 */
gint64
case_review_composite_result_get_component_votes (CaseReviewCompositeResult *self,
                                                  const char                *component_id)
{
  const CompositeComponentScore *score;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_RESULT (self), -1);
  g_return_val_if_fail (component_id != NULL, -1);

  score = find_component (self, component_id);
  return score != NULL ? score->votes : -1;
}

/**
 * case_review_composite_result_get_missing_components:
 * @self: a result
 *
 * The components the subject had no values for, which counted as 0 under
 * [enum@CaseReview.MissingScorePolicy.ZERO].
 *
 * Returns: (transfer none) (array zero-terminated=1): the component ids, in
 *   the evaluation's order; empty when nothing was missing
 *
 * Since: 0.1
 */
const char * const *
case_review_composite_result_get_missing_components (CaseReviewCompositeResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_RESULT (self), NULL);
  return (const char * const *) self->data.missing;
}

/**
 * case_review_composite_result_is_bottom:
 * @self: a result
 *
 * Whether the subject is among the bottom N
 * ([property@CaseReview.CompositeEvaluation:bottom-n]). Subjects tied at
 * the cut on both the total and the first component's score are flagged
 * together, so more than N may be flagged; the id never decides a flag.
 *
 * Returns: whether the subject is flagged as bottom N
 *
 * Since: 0.1
 */
gboolean
case_review_composite_result_is_bottom (CaseReviewCompositeResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_RESULT (self), FALSE);
  return self->data.bottom;
}

/**
 * case_review_composite_result_is_below_floor:
 * @self: a result
 *
 * Whether the total is below the floor
 * ([property@CaseReview.CompositeEvaluation:floor-hundredths]); a total
 * equal to the floor is not below it.
 *
 * Returns: whether the subject is below the floor
 *
 * Since: 0.1
 */
gboolean
case_review_composite_result_is_below_floor (CaseReviewCompositeResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_RESULT (self), FALSE);
  return self->data.below_floor;
}

/**
 * case_review_composite_result_is_flagged:
 * @self: a result
 *
 * Whether the subject is among the bottom N or below the floor.
 *
 * Returns: whether either flag is set
 *
 * Since: 0.1
 */
gboolean
case_review_composite_result_is_flagged (CaseReviewCompositeResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_RESULT (self), FALSE);
  return self->data.bottom || self->data.below_floor;
}
