/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewRubricDeduction:
 *
 * One deduction option of a [class@CaseReview.RubricItem]: what a reviewer
 * finds wrong with a file (e.g. "4.3 未听取当事人陈述申辩或者未复核"), how
 * many points each occurrence costs and how many occurrences count at most.
 *
 * Points are kept in tenths of a point, so that every sum is exact: 0.5
 * points is 5, 10 points is 100. Deductions stop at zero per item (扣完为止，
 * 不计负分): the points of all occurrences may add up to more than the
 * item's maximum, and the item then scores zero.
 *
 * Deductions are immutable and belong to a [class@CaseReview.Rubric]; find
 * one with [method@CaseReview.Rubric.lookup_deduction].
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-rubric-deduction.h"
#include "casereview-rubric-private.h"

struct _CaseReviewRubricDeduction
{
  GObject parent_instance;

  char *code;
  char *item_code;
  char *text;
  char *english_text;
  guint points_tenths;
  guint max_occurrences;     /* 0 means no limit */
};

G_DEFINE_FINAL_TYPE (CaseReviewRubricDeduction, case_review_rubric_deduction, G_TYPE_OBJECT)

static void
case_review_rubric_deduction_finalize (GObject *object)
{
  CaseReviewRubricDeduction *self = CASE_REVIEW_RUBRIC_DEDUCTION (object);

  g_free (self->code);
  g_free (self->item_code);
  g_free (self->text);
  g_free (self->english_text);

  G_OBJECT_CLASS (case_review_rubric_deduction_parent_class)->finalize (object);
}

static void
case_review_rubric_deduction_class_init (CaseReviewRubricDeductionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_rubric_deduction_finalize;
}

static void
case_review_rubric_deduction_init (CaseReviewRubricDeduction *self)
{
}

CaseReviewRubricDeduction *
case_review_rubric_deduction_new_internal (const char *code,
                                           const char *item_code,
                                           const char *text,
                                           const char *english_text,
                                           guint       points_tenths,
                                           guint       max_occurrences)
{
  CaseReviewRubricDeduction *self = g_object_new (CASE_REVIEW_TYPE_RUBRIC_DEDUCTION, NULL);

  self->code = g_strdup (code);
  self->item_code = g_strdup (item_code);
  self->text = g_strdup (text);
  self->english_text = g_strdup (english_text);
  self->points_tenths = points_tenths;
  self->max_occurrences = max_occurrences;
  return self;
}

/**
 * case_review_rubric_deduction_get_code:
 * @self: a deduction option
 *
 * The option's code, unique among the codes of its kind's table (e.g.
 * "4.3"). Score sheets name deductions by it.
 *
 * Returns: the code
 *
 * Since: 0.1
 */
const char *
case_review_rubric_deduction_get_code (CaseReviewRubricDeduction *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_DEDUCTION (self), NULL);

  return self->code;
}

/**
 * case_review_rubric_deduction_get_item_code:
 * @self: a deduction option
 *
 * The code of the [class@CaseReview.RubricItem] whose points this option
 * deducts (e.g. "4").
 *
 * Returns: the item's code
 *
 * Since: 0.1
 */
const char *
case_review_rubric_deduction_get_item_code (CaseReviewRubricDeduction *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_DEDUCTION (self), NULL);

  return self->item_code;
}

/**
 * case_review_rubric_deduction_get_text:
 * @self: a deduction option
 *
 * What is wrong with the file, in Chinese (zh_CN), as the rubric states it.
 *
 * Returns: the text
 *
 * Since: 0.1
 */
const char *
case_review_rubric_deduction_get_text (CaseReviewRubricDeduction *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_DEDUCTION (self), NULL);

  return self->text;
}

/**
 * case_review_rubric_deduction_get_english_text:
 * @self: a deduction option
 *
 * The English label of [method@CaseReview.RubricDeduction.get_text].
 *
 * Returns: the English text
 *
 * Since: 0.1
 */
const char *
case_review_rubric_deduction_get_english_text (CaseReviewRubricDeduction *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_DEDUCTION (self), NULL);

  return self->english_text;
}

/**
 * case_review_rubric_deduction_get_points_tenths:
 * @self: a deduction option
 *
 * The points one occurrence deducts, in tenths of a point (2.5 points is
 * 25). Always above zero and at most the item's maximum.
 *
 * Returns: the points per occurrence ×10
 *
 * Since: 0.1
 */
guint
case_review_rubric_deduction_get_points_tenths (CaseReviewRubricDeduction *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_DEDUCTION (self), 0);

  return self->points_tenths;
}

/**
 * case_review_rubric_deduction_get_max_occurrences:
 * @self: a deduction option
 *
 * How many occurrences of this finding a score sheet may record for one
 * file; 0 means no limit. Whatever the count, the item never scores below
 * zero.
 *
 * Returns: the maximum number of occurrences, or 0 for no limit
 *
 * Since: 0.1
 */
guint
case_review_rubric_deduction_get_max_occurrences (CaseReviewRubricDeduction *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_DEDUCTION (self), 0);

  return self->max_occurrences;
}
