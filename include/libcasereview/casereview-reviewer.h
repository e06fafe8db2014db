/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-enforcement-kind.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_REVIEWER (case_review_reviewer_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewReviewer, case_review_reviewer, CASE_REVIEW, REVIEWER, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewReviewer *case_review_reviewer_new            (const char                      *id,
                                                         const char                      *name,
                                                         const char                      *agency_id);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewReviewer *case_review_reviewer_new_full       (const char                      *id,
                                                         const char                      *name,
                                                         const char                      *agency_id,
                                                         const char                      *region,
                                                         const CaseReviewEnforcementKind *kinds,
                                                         gsize                            n_kinds,
                                                         guint                            capacity,
                                                         const char * const              *conflicts);
CASE_REVIEW_AVAILABLE_IN_0_1
const char         *case_review_reviewer_get_id         (CaseReviewReviewer              *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char         *case_review_reviewer_get_name       (CaseReviewReviewer              *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char         *case_review_reviewer_get_agency_id  (CaseReviewReviewer              *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char         *case_review_reviewer_get_region     (CaseReviewReviewer              *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean            case_review_reviewer_may_review     (CaseReviewReviewer              *self,
                                                         CaseReviewEnforcementKind        kind);
CASE_REVIEW_AVAILABLE_IN_0_1
guint               case_review_reviewer_get_capacity   (CaseReviewReviewer              *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char * const *case_review_reviewer_get_conflicts  (CaseReviewReviewer              *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean            case_review_reviewer_has_conflict   (CaseReviewReviewer              *self,
                                                         const char                      *agency_id);

G_END_DECLS
