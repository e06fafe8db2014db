/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-agency-result.h>
#include <libcasereview/casereview-case-result.h>
#include <libcasereview/casereview-population.h>
#include <libcasereview/casereview-rubric.h>
#include <libcasereview/casereview-sample.h>
#include <libcasereview/casereview-score-sheet.h>
#include <libcasereview/casereview-statistics.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_EVALUATION (case_review_evaluation_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewEvaluation, case_review_evaluation, CASE_REVIEW, EVALUATION, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewEvaluation      *case_review_evaluation_new                    (CaseReviewRubric      *rubric,
                                                                          CaseReviewSample      *sample,
                                                                          CaseReviewPopulation  *population);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRubric          *case_review_evaluation_get_rubric             (CaseReviewEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_evaluation_add_sheet              (CaseReviewEvaluation  *self,
                                                                          CaseReviewScoreSheet  *sheet,
                                                                          GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_evaluation_load_sheets_csv        (CaseReviewEvaluation  *self,
                                                                          GFile                 *file,
                                                                          CaseReviewTextEncoding encoding,
                                                                          GCancellable          *cancellable,
                                                                          GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_evaluation_load_sheets_json       (CaseReviewEvaluation  *self,
                                                                          GFile                 *file,
                                                                          GCancellable          *cancellable,
                                                                          GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_evaluation_write_agency_results_csv (CaseReviewEvaluation *self,
                                                                          GFile                 *file,
                                                                          gboolean               with_bom,
                                                                          GCancellable          *cancellable,
                                                                          GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_evaluation_write_case_results_csv (CaseReviewEvaluation  *self,
                                                                          GFile                 *file,
                                                                          gboolean               with_bom,
                                                                          GCancellable          *cancellable,
                                                                          GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_evaluation_write_xlsx             (CaseReviewEvaluation  *self,
                                                                          GFile                 *file,
                                                                          GCancellable          *cancellable,
                                                                          GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                      case_review_evaluation_get_n_sheets           (CaseReviewEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel                *case_review_evaluation_dup_case_results       (CaseReviewEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCaseResult      *case_review_evaluation_dup_case_result        (CaseReviewEvaluation  *self,
                                                                          const char            *case_id);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel                *case_review_evaluation_dup_agency_results     (CaseReviewEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewStratifiedBound *case_review_evaluation_dup_district_estimate  (CaseReviewEvaluation  *self,
                                                                          GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char                      *case_review_evaluation_to_json                (CaseReviewEvaluation  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_evaluation_save_json              (CaseReviewEvaluation  *self,
                                                                          GFile                 *file,
                                                                          GCancellable          *cancellable,
                                                                          GError               **error);

G_END_DECLS
