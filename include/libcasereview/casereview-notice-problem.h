/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CaseReviewProblemSeverity:
 * @CASE_REVIEW_PROBLEM_SEVERITY_DEDUCTION: a deduction on a scored item
 *   (扣分项)
 * @CASE_REVIEW_PROBLEM_SEVERITY_VETO: a legality veto (否决项) that makes the
 *   file 不合格 whatever its points
 * @CASE_REVIEW_PROBLEM_SEVERITY_CHANNEL: a complaint channel that failed its
 *   checks (投诉渠道不畅通)
 *
 * How serious a problem listed in a rectification notice is. JSON spells
 * the values `deduction`, `veto` and `channel`.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_PROBLEM_SEVERITY_DEDUCTION,
  CASE_REVIEW_PROBLEM_SEVERITY_VETO,
  CASE_REVIEW_PROBLEM_SEVERITY_CHANNEL,
} CaseReviewProblemSeverity;

#define CASE_REVIEW_TYPE_NOTICE_PROBLEM (case_review_notice_problem_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewNoticeProblem, case_review_notice_problem, CASE_REVIEW, NOTICE_PROBLEM, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewProblemSeverity case_review_notice_problem_get_severity        (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_problem_get_case_id         (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_problem_get_item_code       (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_problem_get_item_title      (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_problem_get_item_english_title (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_problem_get_code            (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_problem_get_text            (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_problem_get_english_text    (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_problem_get_basis           (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_problem_get_points_tenths   (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_problem_get_occurrences     (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_problem_get_evidence_page   (CaseReviewNoticeProblem *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_problem_get_note            (CaseReviewNoticeProblem *self);

CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_problem_severity_get_name          (CaseReviewProblemSeverity severity);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_problem_severity_get_label         (CaseReviewProblemSeverity severity);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_problem_severity_get_english_label (CaseReviewProblemSeverity severity);

G_END_DECLS
