/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewReviewTask:
 *
 * One review to do: a sampled case file and the reviewer assigned to it, as
 * listed by a [class@CaseReview.Assignment]. A file reviewed by k reviewers
 * has k tasks, numbered by slot 0 … k−1 in the order they were drawn.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-review-task-private.h"

struct _CaseReviewReviewTask
{
  GObject parent_instance;

  char *case_id;
  char *agency_id;
  char *reviewer_id;
  guint slot;
};

G_DEFINE_FINAL_TYPE (CaseReviewReviewTask, case_review_review_task, G_TYPE_OBJECT)

static void
case_review_review_task_finalize (GObject *object)
{
  CaseReviewReviewTask *self = CASE_REVIEW_REVIEW_TASK (object);

  g_free (self->case_id);
  g_free (self->agency_id);
  g_free (self->reviewer_id);

  G_OBJECT_CLASS (case_review_review_task_parent_class)->finalize (object);
}

static void
case_review_review_task_class_init (CaseReviewReviewTaskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_review_task_finalize;
}

static void
case_review_review_task_init (CaseReviewReviewTask *self)
{
}

CaseReviewReviewTask *
case_review_review_task_new_internal (const char *case_id,
                                      const char *agency_id,
                                      const char *reviewer_id,
                                      guint       slot)
{
  CaseReviewReviewTask *self = g_object_new (CASE_REVIEW_TYPE_REVIEW_TASK, NULL);

  self->case_id = g_strdup (case_id);
  self->agency_id = g_strdup (agency_id);
  self->reviewer_id = g_strdup (reviewer_id);
  self->slot = slot;
  return self;
}

/**
 * case_review_review_task_get_case_id:
 * @self: a review task
 *
 * The case file to review.
 *
 * Returns: the case id
 *
 * Since: 0.1
 */
const char *
case_review_review_task_get_case_id (CaseReviewReviewTask *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEW_TASK (self), NULL);
  return self->case_id;
}

/**
 * case_review_review_task_get_agency_id:
 * @self: a review task
 *
 * The agency whose file it is.
 *
 * Returns: the agency id
 *
 * Since: 0.1
 */
const char *
case_review_review_task_get_agency_id (CaseReviewReviewTask *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEW_TASK (self), NULL);
  return self->agency_id;
}

/**
 * case_review_review_task_get_reviewer_id:
 * @self: a review task
 *
 * The reviewer assigned.
 *
 * Returns: the reviewer id
 *
 * Since: 0.1
 */
const char *
case_review_review_task_get_reviewer_id (CaseReviewReviewTask *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEW_TASK (self), NULL);
  return self->reviewer_id;
}

/**
 * case_review_review_task_get_slot:
 * @self: a review task
 *
 * Which of the file's reviewers this is, 0 for the first drawn.
 *
 * Returns: the slot
 *
 * Since: 0.1
 */
guint
case_review_review_task_get_slot (CaseReviewReviewTask *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEW_TASK (self), 0);
  return self->slot;
}
