/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-population.h>
#include <libcasereview/casereview-reviewer.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_REVIEWER_POOL (case_review_reviewer_pool_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewReviewerPool, case_review_reviewer_pool, CASE_REVIEW, REVIEWER_POOL, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewReviewerPool *case_review_reviewer_pool_new                (void);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                case_review_reviewer_pool_add                (CaseReviewReviewerPool  *self,
                                                                      CaseReviewReviewer      *reviewer,
                                                                      GError                 **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                case_review_reviewer_pool_load_csv           (CaseReviewReviewerPool  *self,
                                                                      GFile                   *file,
                                                                      CaseReviewTextEncoding   encoding,
                                                                      GCancellable            *cancellable,
                                                                      GError                 **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewReviewer     *case_review_reviewer_pool_lookup             (CaseReviewReviewerPool  *self,
                                                                      const char              *id);
CASE_REVIEW_AVAILABLE_IN_0_1
void                    case_review_reviewer_pool_set_agency_region  (CaseReviewReviewerPool  *self,
                                                                      const char              *agency_id,
                                                                      const char              *region);
CASE_REVIEW_AVAILABLE_IN_0_1
const char             *case_review_reviewer_pool_get_agency_region  (CaseReviewReviewerPool  *self,
                                                                      const char              *agency_id);
CASE_REVIEW_AVAILABLE_IN_0_1
char                   *case_review_reviewer_pool_dup_fingerprint    (CaseReviewReviewerPool  *self);

G_END_DECLS
