/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-enforcement-kind.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_CASE_FILE (case_review_case_file_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewCaseFile, case_review_case_file, CASE_REVIEW, CASE_FILE, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCaseFile       *case_review_case_file_new            (const char                *id,
                                                                const char                *agency_id,
                                                                CaseReviewEnforcementKind  kind,
                                                                const GDate               *closed_on);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCaseFile       *case_review_case_file_new_full       (const char                *id,
                                                                const char                *agency_id,
                                                                CaseReviewEnforcementKind  kind,
                                                                const GDate               *closed_on,
                                                                gint64                     amount,
                                                                double                     weight,
                                                                const char * const        *flags,
                                                                const char                *title);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_case_file_get_id         (CaseReviewCaseFile        *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_case_file_get_agency_id  (CaseReviewCaseFile        *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewEnforcementKind case_review_case_file_get_kind       (CaseReviewCaseFile        *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const GDate              *case_review_case_file_get_closed_on  (CaseReviewCaseFile        *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                     *case_review_case_file_dup_closed_on_string (CaseReviewCaseFile  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_case_file_has_amount     (CaseReviewCaseFile        *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gint64                    case_review_case_file_get_amount     (CaseReviewCaseFile        *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_case_file_has_weight     (CaseReviewCaseFile        *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                    case_review_case_file_get_weight     (CaseReviewCaseFile        *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char * const       *case_review_case_file_get_flags      (CaseReviewCaseFile        *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_case_file_has_flag       (CaseReviewCaseFile        *self,
                                                                const char                *flag);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_case_file_get_title      (CaseReviewCaseFile        *self);

G_END_DECLS
