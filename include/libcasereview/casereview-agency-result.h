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

#define CASE_REVIEW_TYPE_AGENCY_RESULT (case_review_agency_result_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewAgencyResult, case_review_agency_result, CASE_REVIEW, AGENCY_RESULT, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
const char     *case_review_agency_result_get_agency_id              (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint           case_review_agency_result_get_rank                   (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint           case_review_agency_result_get_n_files                (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint           case_review_agency_result_get_population_size        (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint           case_review_agency_result_get_mean_hundredths        (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double          case_review_agency_result_get_mean                   (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint           case_review_agency_result_get_median_hundredths      (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64         case_review_agency_result_get_total_hundredths       (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint           case_review_agency_result_get_n_excellent            (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint           case_review_agency_result_get_n_passed               (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint           case_review_agency_result_get_n_failed               (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double          case_review_agency_result_get_excellent_rate         (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double          case_review_agency_result_get_pass_rate              (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewGrade case_review_agency_result_get_grade                  (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint           case_review_agency_result_get_veto_count             (CaseReviewAgencyResult    *self,
                                                                      const char                *veto_code);
CASE_REVIEW_AVAILABLE_IN_0_1
char          **case_review_agency_result_dup_veto_codes             (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint           case_review_agency_result_get_kind_mean_hundredths   (CaseReviewAgencyResult    *self,
                                                                      CaseReviewEnforcementKind  kind);
CASE_REVIEW_AVAILABLE_IN_0_1
guint           case_review_agency_result_get_kind_n_files           (CaseReviewAgencyResult    *self,
                                                                      CaseReviewEnforcementKind  kind);
CASE_REVIEW_AVAILABLE_IN_0_1
const char * const *case_review_agency_result_get_frequent_deductions (CaseReviewAgencyResult   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double          case_review_agency_result_get_noncompliance_upper    (CaseReviewAgencyResult    *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint64         case_review_agency_result_get_noncompliance_upper_count (CaseReviewAgencyResult *self);

G_END_DECLS
