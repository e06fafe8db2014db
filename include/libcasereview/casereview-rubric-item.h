/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-enforcement-kind.h>

G_BEGIN_DECLS

/* A scored item of a rubric (e.g. "4 执法程序", 35 points for coercion) with
 * its deduction options. Points are kept in tenths of a point (integers) so
 * that every sum is exact. */

#define CASE_REVIEW_TYPE_RUBRIC_ITEM (case_review_rubric_item_get_type ())
CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewRubricItem, case_review_rubric_item, CASE_REVIEW, RUBRIC_ITEM, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_rubric_item_get_code            (CaseReviewRubricItem      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_rubric_item_get_title           (CaseReviewRubricItem      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_rubric_item_get_english_title   (CaseReviewRubricItem      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewEnforcementKind  case_review_rubric_item_get_kind            (CaseReviewRubricItem      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                      case_review_rubric_item_get_max_tenths      (CaseReviewRubricItem      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel                *case_review_rubric_item_get_deductions      (CaseReviewRubricItem      *self);

G_END_DECLS
