/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-channel.h>

G_BEGIN_DECLS

/**
 * CaseReviewChannelFailure:
 * @CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_CONNECTED: no test call was
 *   connected (codes 21, 22, 23)
 * @CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_RESOLVED: calls were connected but
 *   none reached the right line (codes 12 without a correct transfer, 13,
 *   14)
 * @CASE_REVIEW_CHANNEL_FAILURE_BOUNCED: every written inquiry bounced
 * @CASE_REVIEW_CHANNEL_FAILURE_NO_REPLY: a written inquiry got no reply
 * @CASE_REVIEW_CHANNEL_FAILURE_LATE_REPLY: the reply came after the
 *   deadline in working days
 * @CASE_REVIEW_CHANNEL_FAILURE_NOT_SUBSTANTIVE: the reply came in time but
 *   did not answer the inquiry
 *
 * The rule a complaint channel broke. JSON output spells the values
 * `call_not_connected`, `call_not_resolved`, `bounced`, `no_reply`,
 * `late_reply` and `not_substantive`.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_CONNECTED,
  CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_RESOLVED,
  CASE_REVIEW_CHANNEL_FAILURE_BOUNCED,
  CASE_REVIEW_CHANNEL_FAILURE_NO_REPLY,
  CASE_REVIEW_CHANNEL_FAILURE_LATE_REPLY,
  CASE_REVIEW_CHANNEL_FAILURE_NOT_SUBSTANTIVE,
} CaseReviewChannelFailure;

#define CASE_REVIEW_TYPE_CHANNEL_FINDING (case_review_channel_finding_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewChannelFinding, case_review_channel_finding, CASE_REVIEW, CHANNEL_FINDING, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_channel_finding_get_agency_id      (CaseReviewChannelFinding *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_channel_finding_get_agency_name    (CaseReviewChannelFinding *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_channel_finding_get_channel_id     (CaseReviewChannelFinding *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelType     case_review_channel_finding_get_channel_type   (CaseReviewChannelFinding *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_channel_finding_get_address        (CaseReviewChannelFinding *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelFailure  case_review_channel_finding_get_failure        (CaseReviewChannelFinding *self);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel               *case_review_channel_finding_get_evidence       (CaseReviewChannelFinding *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                     *case_review_channel_finding_dup_summary        (CaseReviewChannelFinding *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                     *case_review_channel_finding_dup_english_summary (CaseReviewChannelFinding *self);

CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_channel_failure_get_name          (CaseReviewChannelFailure  failure);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_channel_failure_get_label         (CaseReviewChannelFailure  failure);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_channel_failure_get_english_label (CaseReviewChannelFailure  failure);

G_END_DECLS
