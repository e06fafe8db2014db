/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-channel.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_SCHEDULED_CHECK (case_review_scheduled_check_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewScheduledCheck, case_review_scheduled_check, CASE_REVIEW, SCHEDULED_CHECK, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewScheduledCheck *case_review_scheduled_check_new                 (CaseReviewChannel        *channel,
                                                                           guint                     attempt,
                                                                           GDateTime                *scheduled_at);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_scheduled_check_get_channel_id      (CaseReviewScheduledCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_scheduled_check_get_agency_id       (CaseReviewScheduledCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelType     case_review_scheduled_check_get_channel_type    (CaseReviewScheduledCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_scheduled_check_get_address         (CaseReviewScheduledCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_scheduled_check_get_attempt         (CaseReviewScheduledCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
GDateTime                *case_review_scheduled_check_get_scheduled_at    (CaseReviewScheduledCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                     *case_review_scheduled_check_dup_scheduled_at_string (CaseReviewScheduledCheck *self);

G_END_DECLS
