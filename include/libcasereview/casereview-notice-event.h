/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CaseReviewNoticeState:
 * @CASE_REVIEW_NOTICE_STATE_DRAFT: generated, not numbered, can be discarded
 * @CASE_REVIEW_NOTICE_STATE_ISSUED: numbered and signed (印发), not yet
 *   delivered
 * @CASE_REVIEW_NOTICE_STATE_SERVED: delivered to the agency (送达); the
 *   deadline runs from the service date
 * @CASE_REVIEW_NOTICE_STATE_OBJECTED: the agency raised an objection (异议)
 * @CASE_REVIEW_NOTICE_STATE_UPHELD: the objection was rejected; the notice
 *   stands as served
 * @CASE_REVIEW_NOTICE_STATE_MODIFIED: the objection was partly accepted; the
 *   notice stands as modified
 * @CASE_REVIEW_NOTICE_STATE_REVOKED: the objection was accepted and the
 *   notice withdrawn (its number is not reused)
 * @CASE_REVIEW_NOTICE_STATE_REMINDED: overdue, and the agency was reminded
 *   (催告)
 * @CASE_REVIEW_NOTICE_STATE_ESCALATED: still overdue after the reminder and
 *   escalated (通报, 约谈)
 * @CASE_REVIEW_NOTICE_STATE_RESPONSE_RECEIVED: the agency's written
 *   rectification report arrived
 * @CASE_REVIEW_NOTICE_STATE_RESPONSE_REJECTED: the report was found
 *   insufficient; the notice goes back to
 *   %CASE_REVIEW_NOTICE_STATE_ISSUED at once, to be served again with a new
 *   deadline
 * @CASE_REVIEW_NOTICE_STATE_VERIFIED: the rectification was checked (核查)
 * @CASE_REVIEW_NOTICE_STATE_CLOSED: the matter is closed (结案)
 *
 * Where a rectification notice is in its lifecycle. The command line and
 * JSON spell the states with their nicks (`draft`, `issued`, `served`,
 * `objected`, `upheld`, `modified`, `revoked`, `reminded`, `escalated`,
 * `response-received`, `response-rejected`, `verified`, `closed`).
 *
 * The transitions allowed are:
 *
 * | from | to |
 * |------|----|
 * | draft | issued |
 * | issued | served |
 * | served | objected, reminded, response-received |
 * | objected | upheld, modified, revoked |
 * | upheld, modified | reminded, response-received |
 * | reminded | escalated, response-received |
 * | escalated | response-received |
 * | response-received | verified, response-rejected |
 * | response-rejected | issued |
 * | verified | closed |
 *
 * Reminding needs the notice to be overdue at the time of the transition.
 * Overdue is not a state: see [method@CaseReview.Notice.is_overdue].
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_NOTICE_STATE_DRAFT,
  CASE_REVIEW_NOTICE_STATE_ISSUED,
  CASE_REVIEW_NOTICE_STATE_SERVED,
  CASE_REVIEW_NOTICE_STATE_OBJECTED,
  CASE_REVIEW_NOTICE_STATE_UPHELD,
  CASE_REVIEW_NOTICE_STATE_MODIFIED,
  CASE_REVIEW_NOTICE_STATE_REVOKED,
  CASE_REVIEW_NOTICE_STATE_REMINDED,
  CASE_REVIEW_NOTICE_STATE_ESCALATED,
  CASE_REVIEW_NOTICE_STATE_RESPONSE_RECEIVED,
  CASE_REVIEW_NOTICE_STATE_RESPONSE_REJECTED,
  CASE_REVIEW_NOTICE_STATE_VERIFIED,
  CASE_REVIEW_NOTICE_STATE_CLOSED,
} CaseReviewNoticeState;

#define CASE_REVIEW_TYPE_NOTICE_EVENT (case_review_notice_event_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewNoticeEvent, case_review_notice_event, CASE_REVIEW, NOTICE_EVENT, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNoticeState  case_review_notice_event_get_from_state (CaseReviewNoticeEvent *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNoticeState  case_review_notice_event_get_to_state   (CaseReviewNoticeEvent *self);
CASE_REVIEW_AVAILABLE_IN_0_1
GDateTime             *case_review_notice_event_get_time       (CaseReviewNoticeEvent *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char            *case_review_notice_event_get_actor      (CaseReviewNoticeEvent *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char            *case_review_notice_event_get_note       (CaseReviewNoticeEvent *self);

CASE_REVIEW_AVAILABLE_IN_0_1
const char            *case_review_notice_state_get_name       (CaseReviewNoticeState  state);
CASE_REVIEW_AVAILABLE_IN_0_1
const char            *case_review_notice_state_get_label      (CaseReviewNoticeState  state);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean               case_review_notice_state_from_name      (const char            *name,
                                                                CaseReviewNoticeState *state);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean               case_review_notice_state_can_transition (CaseReviewNoticeState  from,
                                                                CaseReviewNoticeState  to);

G_END_DECLS
