/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-channel-agency-result.h>
#include <libcasereview/casereview-channel-finding.h>
#include <libcasereview/casereview-channel-rules.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_CHANNEL_EVALUATION (case_review_channel_evaluation_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewChannelEvaluation, case_review_channel_evaluation, CASE_REVIEW,
                      CHANNEL_EVALUATION, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelRules        *case_review_channel_evaluation_get_rules              (CaseReviewChannelEvaluation *self);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel                    *case_review_channel_evaluation_get_agency_results     (CaseReviewChannelEvaluation *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelAgencyResult *case_review_channel_evaluation_lookup_agency_result   (CaseReviewChannelEvaluation *self,
                                                                                      const char                  *agency_id);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel                    *case_review_channel_evaluation_get_findings           (CaseReviewChannelEvaluation *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelStatus        case_review_channel_evaluation_get_channel_status     (CaseReviewChannelEvaluation *self,
                                                                                      const char                  *channel_id);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                          case_review_channel_evaluation_get_n_channels         (CaseReviewChannelEvaluation *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                          case_review_channel_evaluation_get_n_tested           (CaseReviewChannelEvaluation *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                          case_review_channel_evaluation_get_n_passed           (CaseReviewChannelEvaluation *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                          case_review_channel_evaluation_get_n_failed           (CaseReviewChannelEvaluation *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                         case_review_channel_evaluation_get_validity_rate      (CaseReviewChannelEvaluation *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                          *case_review_channel_evaluation_dup_validity_rate_text (CaseReviewChannelEvaluation *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                         **case_review_channel_evaluation_dup_failing_agency_ids (CaseReviewChannelEvaluation *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                          *case_review_channel_evaluation_to_json                (CaseReviewChannelEvaluation *self);

G_END_DECLS
