/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_REVIEW_TASK (case_review_review_task_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewReviewTask, case_review_review_task, CASE_REVIEW, REVIEW_TASK, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
const char *case_review_review_task_get_case_id     (CaseReviewReviewTask *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char *case_review_review_task_get_agency_id   (CaseReviewReviewTask *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char *case_review_review_task_get_reviewer_id (CaseReviewReviewTask *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint       case_review_review_task_get_slot        (CaseReviewReviewTask *self);

G_END_DECLS
