/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-calendar.h>
#include <libcasereview/casereview-channel-check-log.h>
#include <libcasereview/casereview-channel-directory.h>

G_BEGIN_DECLS

/* Declared here so that evaluate() can return it; defined in
 * casereview-channel-evaluation.h. */
typedef struct _CaseReviewChannelEvaluation CaseReviewChannelEvaluation;

#define CASE_REVIEW_TYPE_CHANNEL_RULES (case_review_channel_rules_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewChannelRules, case_review_channel_rules, CASE_REVIEW, CHANNEL_RULES, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelRules      *case_review_channel_rules_new                     (void);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                        case_review_channel_rules_get_reply_deadline      (CaseReviewChannelRules      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                         case_review_channel_rules_set_reply_deadline      (CaseReviewChannelRules      *self,
                                                                                guint                        working_days);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                     case_review_channel_rules_get_accept_transfers    (CaseReviewChannelRules      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                         case_review_channel_rules_set_accept_transfers    (CaseReviewChannelRules      *self,
                                                                                gboolean                     accept);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                     case_review_channel_rules_get_require_substantive (CaseReviewChannelRules      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                         case_review_channel_rules_set_require_substantive (CaseReviewChannelRules      *self,
                                                                                gboolean                     require);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelEvaluation *case_review_channel_rules_evaluate                (CaseReviewChannelRules      *self,
                                                                                CaseReviewChannelDirectory  *channels,
                                                                                CaseReviewChannelCheckLog   *checks,
                                                                                CaseReviewCalendar          *calendar,
                                                                                GError                     **error);

G_END_DECLS
