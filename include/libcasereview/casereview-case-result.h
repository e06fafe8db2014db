/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-enforcement-kind.h>
#include <libcasereview/casereview-rubric.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_CASE_RESULT (case_review_case_result_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewCaseResult, case_review_case_result, CASE_REVIEW, CASE_RESULT, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_case_result_get_case_id              (CaseReviewCaseResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_case_result_get_agency_id            (CaseReviewCaseResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewEnforcementKind case_review_case_result_get_kind                 (CaseReviewCaseResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_case_result_get_n_sheets             (CaseReviewCaseResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_case_result_get_initial_score_hundredths (CaseReviewCaseResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_case_result_get_score_hundredths     (CaseReviewCaseResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                    case_review_case_result_get_score                (CaseReviewCaseResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewGrade           case_review_case_result_get_grade                (CaseReviewCaseResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_case_result_is_vetoed                (CaseReviewCaseResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char * const       *case_review_case_result_get_veto_codes           (CaseReviewCaseResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_case_result_needs_rereview           (CaseReviewCaseResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_case_result_is_rereviewed            (CaseReviewCaseResult *self);

G_END_DECLS
