/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewRubricItem:
 *
 * A scored item of a rubric's table for one enforcement kind (e.g. "4
 * 执法程序", 35 points for coercion): its code, title, maximum points and
 * the [class@CaseReview.RubricDeduction] options reviewers deduct from it.
 *
 * A file's score for an item is the maximum less the points of the
 * deductions found, never below zero (扣完为止，不计负分). The maxima of a
 * kind's items total 100 points. Points are kept in tenths of a point.
 *
 * Items are immutable and belong to a [class@CaseReview.Rubric]; list them
 * with [method@CaseReview.Rubric.get_items].
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-rubric-deduction.h"
#include "casereview-rubric-item.h"
#include "casereview-rubric-private.h"

struct _CaseReviewRubricItem
{
  GObject parent_instance;

  CaseReviewEnforcementKind kind;
  char *code;
  char *title;
  char *english_title;
  guint max_tenths;
  GListStore *deductions;    /* of CaseReviewRubricDeduction, in file order */
};

G_DEFINE_FINAL_TYPE (CaseReviewRubricItem, case_review_rubric_item, G_TYPE_OBJECT)

static void
case_review_rubric_item_finalize (GObject *object)
{
  CaseReviewRubricItem *self = CASE_REVIEW_RUBRIC_ITEM (object);

  g_free (self->code);
  g_free (self->title);
  g_free (self->english_title);
  g_object_unref (self->deductions);

  G_OBJECT_CLASS (case_review_rubric_item_parent_class)->finalize (object);
}

static void
case_review_rubric_item_class_init (CaseReviewRubricItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_rubric_item_finalize;
}

static void
case_review_rubric_item_init (CaseReviewRubricItem *self)
{
  self->deductions = g_list_store_new (CASE_REVIEW_TYPE_RUBRIC_DEDUCTION);
}

CaseReviewRubricItem *
case_review_rubric_item_new_internal (CaseReviewEnforcementKind  kind,
                                      const char                *code,
                                      const char                *title,
                                      const char                *english_title,
                                      guint                      max_tenths)
{
  CaseReviewRubricItem *self = g_object_new (CASE_REVIEW_TYPE_RUBRIC_ITEM, NULL);

  self->kind = kind;
  self->code = g_strdup (code);
  self->title = g_strdup (title);
  self->english_title = g_strdup (english_title);
  self->max_tenths = max_tenths;
  return self;
}

void
case_review_rubric_item_add_deduction (CaseReviewRubricItem      *self,
                                       CaseReviewRubricDeduction *deduction)
{
  g_list_store_append (self->deductions, deduction);
}

/**
 * case_review_rubric_item_get_code:
 * @self: an item
 *
 * The item's code, unique in its kind's table (e.g. "4").
 *
 * Returns: the code
 *
 * Since: 0.1
 */
const char *
case_review_rubric_item_get_code (CaseReviewRubricItem *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_ITEM (self), NULL);

  return self->code;
}

/**
 * case_review_rubric_item_get_title:
 * @self: an item
 *
 * The item's title in Chinese (zh_CN), e.g. 执法程序.
 *
 * Returns: the title
 *
 * Since: 0.1
 */
const char *
case_review_rubric_item_get_title (CaseReviewRubricItem *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_ITEM (self), NULL);

  return self->title;
}

/**
 * case_review_rubric_item_get_english_title:
 * @self: an item
 *
 * The item's English title, e.g. "Procedure".
 *
 * Returns: the English title
 *
 * Since: 0.1
 */
const char *
case_review_rubric_item_get_english_title (CaseReviewRubricItem *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_ITEM (self), NULL);

  return self->english_title;
}

/**
 * case_review_rubric_item_get_kind:
 * @self: an item
 *
 * The enforcement kind whose table the item belongs to.
 *
 * Returns: the kind
 *
 * Since: 0.1
 */
CaseReviewEnforcementKind
case_review_rubric_item_get_kind (CaseReviewRubricItem *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_ITEM (self), CASE_REVIEW_ENFORCEMENT_KIND_OTHER);

  return self->kind;
}

/**
 * case_review_rubric_item_get_max_tenths:
 * @self: an item
 *
 * The item's maximum points in tenths of a point (35 points is 350).
 *
 * Returns: the maximum ×10, above zero
 *
 * Since: 0.1
 */
guint
case_review_rubric_item_get_max_tenths (CaseReviewRubricItem *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_ITEM (self), 0);

  return self->max_tenths;
}

/**
 * case_review_rubric_item_get_deductions:
 * @self: an item
 *
 * The item's deduction options, in the rubric's order.
 *
 * Returns: (transfer none): a list model of
 *   [class@CaseReview.RubricDeduction]; do not modify it
 *
 * Since: 0.1
 */
GListModel *
case_review_rubric_item_get_deductions (CaseReviewRubricItem *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_ITEM (self), NULL);

  return G_LIST_MODEL (self->deductions);
}
