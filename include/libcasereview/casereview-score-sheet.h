/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-rubric.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_SCORE_SHEET (case_review_score_sheet_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewScoreSheet, case_review_score_sheet, CASE_REVIEW, SCORE_SHEET, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewScoreSheet     *case_review_score_sheet_new                 (CaseReviewRubric          *rubric,
                                                                       const char                *case_id,
                                                                       CaseReviewEnforcementKind  kind,
                                                                       const char                *reviewer_id,
                                                                       GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_score_sheet_get_case_id         (CaseReviewScoreSheet      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_score_sheet_get_reviewer_id     (CaseReviewScoreSheet      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewEnforcementKind case_review_score_sheet_get_kind            (CaseReviewScoreSheet      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRubric         *case_review_score_sheet_get_rubric          (CaseReviewScoreSheet      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_score_sheet_is_rereview         (CaseReviewScoreSheet      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                      case_review_score_sheet_set_rereview        (CaseReviewScoreSheet      *self,
                                                                       gboolean                   rereview);
CASE_REVIEW_AVAILABLE_IN_0_1
const GDate              *case_review_score_sheet_get_date            (CaseReviewScoreSheet      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                      case_review_score_sheet_set_date            (CaseReviewScoreSheet      *self,
                                                                       const GDate               *date);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_score_sheet_add_deduction       (CaseReviewScoreSheet      *self,
                                                                       const char                *code,
                                                                       guint                      occurrences,
                                                                       const char                *note,
                                                                       const char                *evidence_page,
                                                                       GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_score_sheet_add_veto            (CaseReviewScoreSheet      *self,
                                                                       const char                *code,
                                                                       const char                *note,
                                                                       GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_score_sheet_set_not_applicable  (CaseReviewScoreSheet      *self,
                                                                       const char                *item_code,
                                                                       GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char                    **case_review_score_sheet_dup_deduction_codes (CaseReviewScoreSheet      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_score_sheet_get_occurrences     (CaseReviewScoreSheet      *self,
                                                                       const char                *code);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_score_sheet_get_note            (CaseReviewScoreSheet      *self,
                                                                       const char                *code);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_score_sheet_get_evidence_page   (CaseReviewScoreSheet      *self,
                                                                       const char                *code);
CASE_REVIEW_AVAILABLE_IN_0_1
char                    **case_review_score_sheet_dup_veto_codes      (CaseReviewScoreSheet      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_score_sheet_is_not_applicable   (CaseReviewScoreSheet      *self,
                                                                       const char                *item_code);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_score_sheet_has_veto            (CaseReviewScoreSheet      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_score_sheet_get_item_score_tenths (CaseReviewScoreSheet    *self,
                                                                       const char                *item_code);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_score_sheet_get_score_hundredths (CaseReviewScoreSheet     *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                    case_review_score_sheet_get_score           (CaseReviewScoreSheet      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewGrade           case_review_score_sheet_get_grade           (CaseReviewScoreSheet      *self);

G_END_DECLS
