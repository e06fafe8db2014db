/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-enforcement-kind.h>

G_BEGIN_DECLS

/* One deduction option of a rubric item (e.g. "4.3 未告知陈述申辩权利", 5
 * points per occurrence, at most 2 occurrences), in tenths of a point. */

#define CASE_REVIEW_TYPE_RUBRIC_DEDUCTION (case_review_rubric_deduction_get_type ())
CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewRubricDeduction, case_review_rubric_deduction, CASE_REVIEW, RUBRIC_DEDUCTION, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_rubric_deduction_get_code       (CaseReviewRubricDeduction *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_rubric_deduction_get_item_code  (CaseReviewRubricDeduction *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_rubric_deduction_get_text       (CaseReviewRubricDeduction *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_rubric_deduction_get_english_text (CaseReviewRubricDeduction *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                      case_review_rubric_deduction_get_points_tenths (CaseReviewRubricDeduction *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                      case_review_rubric_deduction_get_max_occurrences (CaseReviewRubricDeduction *self);

G_END_DECLS
