/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-enforcement-kind.h>

G_BEGIN_DECLS

/* A legality veto (一票否决, e.g. "V01 执法主体不合法"): any one makes a
 * file 不合格 with score 0. Common vetoes apply to every kind. */

#define CASE_REVIEW_TYPE_RUBRIC_VETO (case_review_rubric_veto_get_type ())
CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewRubricVeto, case_review_rubric_veto, CASE_REVIEW, RUBRIC_VETO, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_rubric_veto_get_code            (CaseReviewRubricVeto      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_rubric_veto_get_text            (CaseReviewRubricVeto      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_rubric_veto_get_english_text    (CaseReviewRubricVeto      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_rubric_veto_get_basis           (CaseReviewRubricVeto      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_rubric_veto_applies_to          (CaseReviewRubricVeto      *self,
                                                                        CaseReviewEnforcementKind  kind);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_rubric_veto_is_common           (CaseReviewRubricVeto      *self);

G_END_DECLS
